package org.psig.intake.memory;

/** The intake cannot tell whether a report was already accepted: it must not accept it now. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message) {
        super(message);
    }
}
