package org.psig.intake.publish;

import java.util.UUID;

/** No report with this id, or none this key may see: both answer 404, so ids cannot be probed. */
public class UnknownIncidentException extends RuntimeException {

    public UnknownIncidentException(UUID incidentId) {
        super("No report " + incidentId + " filed for an establishment this key covers.");
    }
}
