package org.psig.intake.api;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per accepted revision, carrying the incidentId (and the request's traceId) so that
 * an operator can follow a report from its POST to its notifications through the logs.
 */
final class Acceptances {

    private static final Logger log = LoggerFactory.getLogger(Acceptances.class);

    private Acceptances() {
    }

    static void log(UUID incidentId, int revision, boolean repeat) {
        try (MDC.MDCCloseable incident = MDC.putCloseable("incidentId", incidentId.toString())) {
            log.info(repeat ? "Revision {} of incident {} recognised as a repeat; nothing written."
                    : "Revision {} of incident {} accepted and written.", revision, incidentId);
        }
    }
}
