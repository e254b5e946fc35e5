package org.psig.intake.publish;

/** The report could not be written durably: the client must retry later, nothing was accepted. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
