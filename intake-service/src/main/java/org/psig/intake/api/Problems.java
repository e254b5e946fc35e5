package org.psig.intake.api;

import java.net.URI;
import java.util.List;

import org.psig.intake.report.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem types of this API; each {@code type} URI is stable and documented in the README. */
final class Problems {

    static final URI INVALID_REPORT = URI.create("urn:psig:problem:invalid-report");
    static final URI MALFORMED_BODY = URI.create("urn:psig:problem:malformed-body");
    static final URI UNAUTHENTICATED = URI.create("urn:psig:problem:unauthenticated");
    static final URI FORBIDDEN_ESTABLISHMENT = URI.create("urn:psig:problem:forbidden-establishment");
    static final URI UNAVAILABLE = URI.create("urn:psig:problem:temporarily-unavailable");
    static final URI UNSUPPORTED_REQUEST = URI.create("urn:psig:problem:unsupported-request");

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail invalid(URI type, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, type, "The report is invalid", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A short name for metrics: the last segment of the type URN. */
    static String reason(URI type) {
        String text = type.toString();
        return text.substring(text.lastIndexOf(':') + 1);
    }
}
