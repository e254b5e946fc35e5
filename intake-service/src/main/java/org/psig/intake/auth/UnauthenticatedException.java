package org.psig.intake.auth;

/** No bearer key, or one this intake does not know. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
