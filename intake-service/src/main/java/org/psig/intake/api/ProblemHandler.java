package org.psig.intake.api;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.intake.auth.ForbiddenEstablishmentException;
import org.psig.intake.auth.UnauthenticatedException;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.publish.KafkaUnavailableException;
import org.psig.intake.report.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error as RFC 9457 Problem Details, counted by reason; never a stack trace or a class name. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MeterRegistry meters;
    private final IntakeProperties properties;

    ProblemHandler(MeterRegistry meters, IntakeProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e) {
        return respond(Problems.invalid(Problems.INVALID_REPORT,
                e.errors().size() + " field(s) of the report are invalid; nothing was accepted.", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            FieldError error = new FieldError(pointer(jackson.getPath()), describe(jackson));
            return respond(Problems.invalid(Problems.INVALID_REPORT, "The report has a field of the wrong type or "
                    + "an unknown field; nothing was accepted.", List.of(error)));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, "The body is not valid JSON",
                "The request body could not be read as a JSON object; nothing was accepted."));
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED,
                "Authentication required", e.getMessage());
        count(problem);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }

    @ExceptionHandler(ForbiddenEstablishmentException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenEstablishmentException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN_ESTABLISHMENT,
                "Establishment not covered by this key", e.getMessage()));
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(KafkaUnavailableException e) {
        log.warn("A report was refused with 503 because Kafka did not acknowledge it: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                "Temporarily unavailable", "The report could not be stored durably and was NOT accepted; retry later.");
        count(problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()))
                .body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_REQUEST,
                "Unsupported content type", "Send the report as Content-Type: application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, Problems.UNSUPPORTED_REQUEST,
                "Method not allowed", "Reports are filed with POST."));
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        count(problem);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private void count(ProblemDetail problem) {
        meters.counter("psig.intake.reports", "outcome", "rejected", "reason", Problems.reason(problem.getType()))
                .increment();
    }

    private static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/').append(reference.getPropertyName() != null
                    ? reference.getPropertyName() : Integer.toString(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of the contract (check its spelling)";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        return "has the wrong type or format";
    }
}
