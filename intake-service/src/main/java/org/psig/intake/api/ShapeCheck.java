package org.psig.intake.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.psig.intake.report.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a JSON body against the shape of the request records before any conversion: every unknown
 * field, wrong JSON type and unknown enum value is reported at once, by JSON pointer. Offending fields
 * are removed from the tree, so that conversion then succeeds and bean validation can report the
 * remaining problems in the same answer.
 */
final class ShapeCheck {

    private ShapeCheck() {
    }

    static List<FieldError> check(ObjectNode body, Class<? extends Record> type) {
        List<FieldError> errors = new ArrayList<>();
        object(body, type, "", errors);
        return errors;
    }

    private static void object(ObjectNode node, Class<?> type, String pointer, List<FieldError> errors) {
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (String name : new ArrayList<>(node.propertyNames())) {
            String at = child(pointer, name);
            RecordComponent component = components.get(name);
            if (component == null) {
                errors.add(new FieldError(at, "is not a field of the contract (check its spelling; expected one of "
                        + components.keySet() + ")"));
                node.remove(name);
            } else if (!value(node.get(name), component.getGenericType(), at, errors)) {
                node.remove(name);
            }
        }
    }

    /** True when the value has the expected shape (null always has: bean validation judges it). */
    private static boolean value(JsonNode value, Type type, String pointer, List<FieldError> errors) {
        if (value.isNull()) {
            return true;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return array(value, list.getActualTypeArguments()[0], pointer, errors);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return expect(value.isString(), "must be a string", pointer, errors);
        }
        if (raw == Integer.class) {
            return expect(value.isInt(), "must be a whole number", pointer, errors);
        }
        if (raw == Boolean.class) {
            return expect(value.isBoolean(), "must be true or false", pointer, errors);
        }
        if (raw.isEnum()) {
            List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return expect(value.isString() && names.contains(value.asString()), "must be one of " + names, pointer, errors);
        }
        if (raw.isRecord()) {
            if (!expect(value.isObject(), "must be an object", pointer, errors)) {
                return false;
            }
            object((ObjectNode) value, raw, pointer, errors);
            return true;
        }
        throw new IllegalStateException("no shape rule for " + raw);
    }

    private static boolean array(JsonNode value, Type element, String pointer, List<FieldError> errors) {
        if (!expect(value.isArray(), "must be an array", pointer, errors)) {
            return false;
        }
        boolean valid = true;
        ArrayNode array = (ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
            valid &= value(array.get(i), element, pointer + "/" + i, errors);
        }
        return valid;
    }

    private static boolean expect(boolean condition, String message, String pointer, List<FieldError> errors) {
        if (!condition) {
            errors.add(new FieldError(pointer, message));
        }
        return condition;
    }

    /** The pointer to a field of the object at {@code pointer}; RFC 6901: '~' and '/' in a name are escaped. */
    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
