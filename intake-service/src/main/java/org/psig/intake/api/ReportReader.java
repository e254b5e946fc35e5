package org.psig.intake.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.psig.intake.report.FieldError;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.IncidentUpdateRequest;
import org.psig.intake.report.InvalidFieldsException;
import org.psig.intake.report.UpdateRules;
import org.psig.intake.report.ReportTimes;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the bytes of a body into a valid request, or into every reason it is not one. The parser is
 * strict and bounded: no duplicate keys, no deep nesting, no huge numbers or strings, so a hostile
 * body costs little.
 */
@Component
class ReportReader {

    /** Contract v1 nests three levels; anything much deeper is not a report. */
    static final int MAX_NESTING = 16;

    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING).maxNumberLength(32).maxStringLength(64 * 1024).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Validator validator;
    private final ReportTimes times;
    private final UpdateRules updateRules;

    ReportReader(Validator validator, ReportTimes times, UpdateRules updateRules) {
        this.validator = validator;
        this.times = times;
        this.updateRules = updateRules;
    }

    IncidentReportRequest read(byte[] body) {
        ObjectNode tree = parse(body);
        List<FieldError> errors = new ArrayList<>(ShapeCheck.check(tree, IncidentReportRequest.class));
        errors.addAll(TextCheck.check(tree));
        IncidentReportRequest request = validated(tree, IncidentReportRequest.class, errors);
        if (request.incident() != null) {
            errors.addAll(times.check(request.incident()));
        }
        return orRefuse(request, errors);
    }

    /** An update: as strict as a report, and {@code null} is refused, since an absent field already keeps its value. */
    IncidentUpdateRequest readUpdate(byte[] body) {
        ObjectNode tree = parse(body);
        List<FieldError> errors = new ArrayList<>(NullCheck.check(tree));
        errors.addAll(ShapeCheck.check(tree, IncidentUpdateRequest.class));
        errors.addAll(TextCheck.check(tree));
        IncidentUpdateRequest update = validated(tree, IncidentUpdateRequest.class, errors);
        errors.addAll(updateRules.check(update));
        return orRefuse(update, errors);
    }

    private <T> T validated(ObjectNode tree, Class<T> type, List<FieldError> errors) {
        T request = json.treeToValue(tree, type);
        Set<String> alreadyReported = errors.stream().map(FieldError::pointer).collect(Collectors.toSet());
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String pointer = pointer(violation.getPropertyPath());
            if (!alreadyReported.contains(pointer)) {
                errors.add(new FieldError(pointer, violation.getMessage()));
            }
        }
        return request;
    }

    private static <T> T orRefuse(T request, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail));
            throw new InvalidFieldsException(errors);
        }
        return request;
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

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedBodyException("The body is empty; send the report as a JSON object.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException(MalformedBodyException.describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedBodyException("The body must be a JSON object, the report itself.");
        }
        return (ObjectNode) tree;
    }
}
