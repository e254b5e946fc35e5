package org.psig.intake.api;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Variations of a reference report: one value replaced or removed at a JSON pointer. */
final class Bodies {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Bodies() {
    }

    /** The body with the value at {@code pointer} replaced by (or added as) the JSON literal {@code json}. */
    static String with(String body, String pointer, String json) {
        JsonNode root = JSON.readTree(body);
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(at.last().getMatchingProperty()), JSON.readTree(json));
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), JSON.readTree(json));
        }
        return JSON.writeValueAsString(root);
    }

    static String without(String body, String pointer) {
        JsonNode root = JSON.readTree(body);
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) root.at(at.head())).remove(at.last().getMatchingProperty());
        return JSON.writeValueAsString(root);
    }

    static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }
}
