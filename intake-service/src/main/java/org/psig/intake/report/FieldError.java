package org.psig.intake.report;

/** One invalid field: a JSON pointer into the request body and what is wrong with it. */
public record FieldError(String pointer, String detail) {
}
