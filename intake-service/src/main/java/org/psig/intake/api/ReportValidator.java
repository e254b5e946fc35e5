package org.psig.intake.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.psig.intake.report.FieldError;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.ReportTimes;
import org.springframework.stereotype.Component;

/** Bean-validation constraints and time rules together, reported as JSON pointers into the body. */
@Component
class ReportValidator {

    private final Validator validator;
    private final ReportTimes times;

    ReportValidator(Validator validator, ReportTimes times) {
        this.validator = validator;
        this.times = times;
    }

    void validate(IncidentReportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<IncidentReportRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(pointer(violation.getPropertyPath()), violation.getMessage()));
        }
        if (request.incident() != null) {
            errors.addAll(times.check(request.incident()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::pointer));
            throw new InvalidReportException(errors);
        }
    }

    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }
}
