package org.psig.intake.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.psig.intake.report.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem types of this API; each {@code type} URI is stable and documented in the README. */
final class Problems {

    static final URI INVALID_REPORT = type("invalid-report");
    static final URI MALFORMED_BODY = type("malformed-body");
    static final URI BAD_REQUEST = type("bad-request");
    static final URI UNAUTHENTICATED = type("unauthenticated");
    static final URI FORBIDDEN_ESTABLISHMENT = type("forbidden-establishment");
    static final URI NOT_FOUND = type("not-found");
    static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    static final URI NOT_ACCEPTABLE = type("not-acceptable");
    static final URI CONFLICTING_REPORT = type("conflicting-report");
    static final URI REVISION_CONFLICT = type("revision-conflict");
    static final URI BODY_TOO_LARGE = type("body-too-large");
    static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    static final URI RATE_LIMITED = type("rate-limited");
    static final URI INTERNAL_ERROR = type("internal-error");
    static final URI UNAVAILABLE = type("temporarily-unavailable");

    /** Type, title and detail of the problems Spring MVC itself raises, by status. */
    private static final Map<Integer, ProblemKind> BY_STATUS = Map.of(
            400, new ProblemKind(BAD_REQUEST, "Bad request", "The request does not fit this API; see /v3/api-docs."),
            404, new ProblemKind(NOT_FOUND, "Not found", "Nothing here. Reports are filed with POST " + IncidentReportController.PATH + "."),
            405, new ProblemKind(METHOD_NOT_ALLOWED, "Method not allowed",
                    "Reports are filed with POST " + IncidentReportController.PATH + " and read with GET on the Location it returns."),
            406, new ProblemKind(NOT_ACCEPTABLE, "Not acceptable",
                    "This API answers application/json, and application/problem+json for errors."),
            413, new ProblemKind(BODY_TOO_LARGE, "Body too large", "The body is larger than this API accepts."),
            415, new ProblemKind(UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                    "Send the report as Content-Type: application/json."),
            503, new ProblemKind(UNAVAILABLE, "Temporarily unavailable", "Retry later."));

    private record ProblemKind(URI type, String title, String detail) {
    }

    private Problems() {
    }

    private static URI type(String name) {
        return URI.create("urn:psig:problem:" + name);
    }

    static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, INVALID_REPORT, "The report is invalid", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Gives a problem raised by Spring MVC this API's type, title and detail for its status. */
    static void classify(ProblemDetail problem) {
        ProblemKind kind = BY_STATUS.getOrDefault(problem.getStatus(), BY_STATUS.get(400));
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        // Spring's own wording can name internals (handler methods, parameter types): ours never does.
        problem.setDetail(kind.detail());
    }

    /** A short name for metrics: the last segment of the type URN. */
    static String reason(URI type) {
        String text = type.toString();
        return text.substring(text.lastIndexOf(':') + 1);
    }
}
