package org.psig.intake.api;

import java.util.ArrayList;
import java.util.List;

import org.psig.intake.report.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refuses every {@code null} of an update, by JSON pointer, and removes it from the tree: in a merge
 * patch {@code null} would mean "delete", and no field of a report may be deleted.
 */
final class NullCheck {

    private NullCheck() {
    }

    static List<FieldError> check(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", errors);
        return errors;
    }

    private static void walk(JsonNode node, String pointer, List<FieldError> errors) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                String at = ShapeCheck.child(pointer, name);
                if (object.get(name).isNull()) {
                    errors.add(new FieldError(at, "must not be null: leave the field out to keep its value"));
                    object.remove(name);
                } else {
                    walk(object.get(name), at, errors);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    errors.add(new FieldError(pointer + "/" + i, "must not be null"));
                } else {
                    walk(node.get(i), pointer + "/" + i, errors);
                }
            }
        }
    }
}
