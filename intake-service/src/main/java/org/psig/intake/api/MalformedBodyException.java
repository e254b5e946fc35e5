package org.psig.intake.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/** The body is not a JSON object that can be read at all; the message says why, for the sender. */
class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message) {
        super(message);
    }

    /** A declarant-readable cause, with the position, never the parser's class names. */
    static String describe(JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof StreamConstraintsException) {
            return "The body exceeds a limit of this API (nesting depth " + ReportReader.MAX_NESTING
                    + ", or the length of a number or string)" + where + ".";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("Duplicate")) {
            return "A field appears twice in the same object" + where + ".";
        }
        if (message.toLowerCase().contains("utf-8") || message.contains("Invalid UTF")) {
            return "The body is not valid UTF-8" + where + ".";
        }
        return "The body is not valid JSON" + where + ".";
    }
}
