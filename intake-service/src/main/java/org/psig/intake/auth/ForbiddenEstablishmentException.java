package org.psig.intake.auth;

/** A known key used for an establishment it was not issued for. */
public class ForbiddenEstablishmentException extends RuntimeException {

    public ForbiddenEstablishmentException(String message) {
        super(message);
    }
}
