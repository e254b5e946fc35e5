package org.psig.kafka;

/** A record that can never be processed, whatever is retried: it goes to the dead-letter topic with this reason. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
