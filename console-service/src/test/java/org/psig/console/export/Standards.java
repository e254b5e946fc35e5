package org.psig.console.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official STIX 2.1 JSON Schemas, the MISP core format's JSON Schema (from its Internet-Draft)
 * and the MISP taxonomies, from the copy of ../shared/standards in the test resources.
 */
final class Standards {

    private static final Pattern OBJECT = Pattern.compile("/objects/\\d+");
    static final String STIX_BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry STIX = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(iri -> iri.startsWith(STIX_BASE)
                    ? read("standards/stix2.1-json-schemas/schemas/" + iri.substring(STIX_BASE.length())) : null));
    private static final Schema MISP = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(mispSchema(), InputFormat.JSON);

    private Standards() {
    }

    /**
     * Every error of the bundle against bundle.json, and of each object against its own type's schema.
     * One defect of the official schemas is set aside, and only it: bundle.json does not list
     * {@code incident} among the types it knows, so an incident falls to its branch for custom
     * objects, {@code oneOf [core.json, cyber-observable-core.json]}, and every valid incident matches
     * both. Incidents are checked against sdos/incident.json; the bundle.json error about them must be
     * that ambiguity and nothing else.
     */
    static List<String> stixErrors(JsonNode bundle) {
        List<String> errors = new ArrayList<>();
        for (Error error : stix("common/bundle.json").validate(bundle)) {
            if (!inIncidentAmbiguity(error, bundle)) {
                errors.add("bundle " + error.getInstanceLocation() + " " + error.getEvaluationPath() + ": " + error.getMessage());
            }
        }
        for (JsonNode object : bundle.path("objects")) {
            String type = object.path("type").asString();
            String path = switch (type) {
                case "relationship" -> "sros/relationship.json";
                case "marking-definition" -> "common/marking-definition.json";
                default -> "sdos/" + type + ".json";
            };
            errors.addAll(messages(object.path("id").asString(), stix(path).validate(object)));
        }
        return errors;
    }

    /** Errors against the MISP core format's schema, its MUST fields, and tags outside the taxonomies. */
    static List<String> mispErrors(JsonNode event) {
        List<String> errors = new ArrayList<>(messages("event", MISP.validate(event)));
        JsonNode body = event.path("Event");
        for (String field : List.of("uuid", "published", "info", "date", "timestamp", "publish_timestamp", "org_id",
                "orgc_id", "distribution")) {
            if (body.path(field).isMissingNode()) {
                errors.add("Event." + field + " MUST be present");
            }
        }
        for (JsonNode attribute : body.path("Attribute")) {
            for (String field : List.of("uuid", "type", "category", "to_ids", "event_id", "distribution", "timestamp",
                    "deleted", "value")) {
                if (attribute.path(field).isMissingNode()) {
                    errors.add("Attribute." + field + " MUST be present: " + attribute);
                }
            }
        }
        Set<String> known = taxonomyTags();
        for (JsonNode tag : body.path("Tag")) {
            if (!known.contains(tag.path("name").asString())) {
                errors.add("tag " + tag.path("name").asString() + " is in none of the tlp, PAP and rsit taxonomies");
            }
        }
        return errors;
    }

    /** Every machine tag the three taxonomies define: {@code tlp:amber}, {@code PAP:AMBER}, {@code rsit:availability="outage"}. */
    static Set<String> taxonomyTags() {
        Set<String> tags = new HashSet<>();
        for (String taxonomy : List.of("tlp", "PAP", "rsit")) {
            JsonNode machinetag = JSON.readTree(read("standards/misp/taxonomies/" + taxonomy + "/machinetag.json"));
            String namespace = machinetag.path("namespace").asString();
            machinetag.path("predicates").forEach(predicate -> tags.add(namespace + ":" + predicate.path("value").asString()));
            machinetag.path("values").forEach(values -> values.path("entry").forEach(entry -> tags.add(namespace + ":"
                    + values.path("predicate").asString() + "=\"" + entry.path("value").asString() + "\"")));
        }
        return tags;
    }

    /**
     * An error about an incident object that the ambiguity explains: its miss of every listed type
     * (anyOf/0), the anyOf that sums it up, or the two-way match of the custom-object branch.
     */
    private static boolean inIncidentAmbiguity(Error error, JsonNode bundle) {
        Matcher object = OBJECT.matcher(error.getInstanceLocation().toString());
        if (!object.lookingAt() || !"incident".equals(bundle.at(object.group()).path("type").asString())) {
            return false;
        }
        String path = error.getEvaluationPath().toString();
        return path.contains("/items/anyOf/0/") || path.endsWith("/items/anyOf/0") || path.endsWith("/items/anyOf")
                || path.endsWith("/items/anyOf/1/allOf/0/oneOf") && error.getMessage().contains("but 2 are valid");
    }

    private static Schema stix(String path) {
        return STIX.getSchema(SchemaLocation.of(STIX_BASE + path));
    }

    /** The JSON Schema the Internet-Draft carries in its "JSON Schema" section, between its ~~~~ fences. */
    private static String mispSchema() {
        String draft = read("standards/misp/misp-core-format-draft.md");
        String section = draft.substring(draft.indexOf("\n# JSON Schema"));
        int open = section.indexOf("~~~~\n") + 5;
        return section.substring(open, section.indexOf("~~~~", open));
    }

    private static List<String> messages(String where, List<Error> errors) {
        return errors.stream().map(error -> where + " " + error.getInstanceLocation() + " " + error.getEvaluationPath() + ": " + error.getMessage()).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Standards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
