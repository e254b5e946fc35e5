package org.psig.intake.api;

import java.util.UUID;

/** No report with this id, or none this key may see: both answer 404, so ids cannot be probed. */
class UnknownReportException extends RuntimeException {

    UnknownReportException(UUID incidentId) {
        super("No report " + incidentId + " filed for an establishment this key covers.");
    }
}
