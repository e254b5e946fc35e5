package org.psig.intake.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.intake.api.BoundedBody.BodyTooLargeException;
import org.psig.intake.auth.ForbiddenEstablishmentException;
import org.psig.intake.auth.RateLimitedException;
import org.psig.intake.auth.UnauthenticatedException;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.memory.IndexUnavailableException;
import org.psig.intake.publish.ConflictingReportException;
import org.psig.intake.publish.KafkaUnavailableException;
import org.psig.intake.publish.RevisionConflictException;
import org.psig.intake.publish.UnknownIncidentException;
import org.psig.intake.report.InvalidFieldsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 Problem Details with this API's stable types, counted by type; never a
 * stack trace or a class name. Spring MVC's own errors (404, 405, 406, 415...) get the same treatment.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MeterRegistry meters;
    private final IntakeProperties properties;

    ProblemHandler(MeterRegistry meters, IntakeProperties properties) {
        this.meters = meters;
        this.properties = properties;
        // At 0 from the start: the alert on 503s (monitoring/rules) reads a series that exists.
        meters.counter("psig.intake.reports", "outcome", "rejected", "reason", Problems.reason(Problems.UNAVAILABLE));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Object> invalid(InvalidFieldsException e) {
        return respond(Problems.invalid(e.errors().size() + " field(s) of the report are invalid; nothing was accepted.",
                e.errors()), new HttpHeaders());
    }

    @ExceptionHandler(MalformedBodyException.class)
    ResponseEntity<Object> malformed(MalformedBodyException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, "The body cannot be read",
                e.getMessage() + " Nothing was accepted."), new HttpHeaders());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.BODY_TOO_LARGE, "Body too large",
                e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<Object> unauthenticated(UnauthenticatedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Authentication required",
                e.getMessage()), headers);
    }

    @ExceptionHandler(ForbiddenEstablishmentException.class)
    ResponseEntity<Object> forbidden(ForbiddenEstablishmentException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN_ESTABLISHMENT,
                "Establishment not covered by this key", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(UnknownIncidentException.class)
    ResponseEntity<Object> unknown(UnknownIncidentException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        return respond(Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
                "This key sent more reports than its rate allows; nothing was accepted. Retry after "
                        + e.retryAfter().toSeconds() + " s."), headers);
    }

    @ExceptionHandler(ConflictingReportException.class)
    ResponseEntity<Object> conflict(ConflictingReportException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICTING_REPORT,
                "A different report was already accepted under this reference",
                "Incident " + e.incidentId() + " was accepted on " + e.receivedAt() + " for the same establishment "
                        + "and declarantReference with different content. To tell how it developed, or that it is "
                        + "resolved, post an update to " + IncidentUpdateController.path(e.incidentId()) + ".");
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("updates", IncidentUpdateController.path(e.incidentId()));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.LOCATION, IncidentReportController.location(e.incidentId()).toString());
        return respond(problem, headers);
    }

    @ExceptionHandler(RevisionConflictException.class)
    ResponseEntity<Object> revisionConflict(RevisionConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.REVISION_CONFLICT,
                e.closed() ? "The incident is closed" : "The revision does not follow the current one", e.getMessage());
        problem.setProperty("incidentId", e.incidentId());
        problem.setProperty("currentRevision", e.currentRevision());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.LOCATION, IncidentReportController.location(e.incidentId()).toString());
        return respond(problem, headers);
    }

    @ExceptionHandler({KafkaUnavailableException.class, IndexUnavailableException.class})
    ResponseEntity<Object> unavailable(RuntimeException e) {
        log.warn("A request was refused with 503 because Kafka did not answer in time: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        // Not "refused": Kafka may still complete a write it did not acknowledge in time, and that
        // report is then triaged and notified. The sender's retry is answered as a repeat of it.
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Temporarily unavailable",
                "The report could not be confirmed as stored in time. Send the same report again after Retry-After: "
                        + "if it was stored meanwhile, the answer names the same incident, which is notified once."), headers);
    }

    @ExceptionHandler(Admission.OverloadedException.class)
    ResponseEntity<Object> overloaded(Admission.OverloadedException e) {
        meters.counter("psig.intake.admission.refused").increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        // Refused before the body was read: unlike a Kafka timeout, nothing can have been stored.
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Temporarily unavailable",
                "The intake is answering as many requests as it can; this one was not read and nothing was accepted. "
                        + "Send it again after Retry-After."), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error while handling a request; answered 500.", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
                "The intake failed unexpectedly; nothing was accepted. Retry later; if it persists, contact CERT Santé."),
                new HttpHeaders());
    }

    /** Spring MVC's own errors: this API's type and title, counted like the others. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        Problems.classify(problem);
        return respond(problem, headers);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        meters.counter("psig.intake.reports", "outcome", "rejected", "reason", Problems.reason(problem.getType()))
                .increment();
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
