package org.psig.intake.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** The leaf fields of the report body as the served OpenAPI document describes them. */
final class OpenApiFields {

    private OpenApiFields() {
    }

    static Map<String, FieldSpec> of(JsonNode document) {
        return of(document, "/paths/~1api~1v1~1incident-reports/post");
    }

    /** The leaf fields of the body of the operation at {@code operation}, a JSON pointer into the document. */
    static Map<String, FieldSpec> of(JsonNode document, String operation) {
        JsonNode root = schema(document, document.at(operation + "/requestBody/content/application~1json/schema"));
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        Set<String> rootRequired = names(root.path("required"));
        root.get("properties").properties().forEach(entry -> {
            JsonNode property = schema(document, entry.getValue());
            if (property.has("properties")) {
                Set<String> required = names(property.path("required"));
                property.get("properties").properties().forEach(leaf -> fields.put(entry.getKey() + "." + leaf.getKey(),
                        new FieldSpec(rootRequired.contains(entry.getKey()) && required.contains(leaf.getKey()),
                                enums(document, leaf.getValue()))));
            } else {
                fields.put(entry.getKey(), new FieldSpec(rootRequired.contains(entry.getKey()), enums(document, property)));
            }
        });
        return fields;
    }

    private static Set<String> enums(JsonNode document, JsonNode property) {
        JsonNode resolved = schema(document, property);
        JsonNode values = resolved.has("items") ? schema(document, resolved.get("items")).path("enum") : resolved.path("enum");
        return names(values);
    }

    private static JsonNode schema(JsonNode document, JsonNode node) {
        if (node.has("$ref")) {
            return document.at(node.get("$ref").asString().substring(1));
        }
        return node;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(value -> names.add(value.asString()));
        return names;
    }
}
