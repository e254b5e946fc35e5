package org.psig.kafka;

/** A record that no retry can fix: it goes straight to the dead-letter topic. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }
}
