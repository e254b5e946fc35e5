package org.psig.intake.api;

import java.util.ArrayList;
import java.util.List;

import org.psig.intake.report.FieldError;
import org.psig.intake.report.TextRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks every string of a body, wherever it is, against {@link TextRules}, by JSON pointer. */
final class TextCheck {

    private TextCheck() {
    }

    static List<FieldError> check(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", errors);
        return errors;
    }

    private static void walk(JsonNode node, String pointer, List<FieldError> errors) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                walk(object.get(name), ShapeCheck.child(pointer, name), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, errors);
            }
        } else if (node.isString()) {
            TextRules.problem(node.asString(), TextRules.FREE_TEXT.contains(pointer))
                    .ifPresent(problem -> errors.add(new FieldError(pointer, problem)));
        }
    }
}
