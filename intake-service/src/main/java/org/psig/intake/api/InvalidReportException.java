package org.psig.intake.api;

import java.util.List;

import org.psig.intake.report.FieldError;

/** Every invalid field of a report, found at once so that the declarant can fix them all together. */
class InvalidReportException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidReportException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
