package org.psig.triage.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a revision changed in a verdict, field by field, named as on {@code psig.incident.triaged}.
 * Values are compared as text, the form in which triage remembers the previous verdict between
 * revisions; a field a verdict does not have (no ARS, no deadline) is null.
 */
public final class VerdictChanges {

    /** A verdict field whose value changed. */
    public record Change(String field, String previous, String current) {
    }

    private VerdictChanges() {
    }

    /** The comparable fields of a verdict, in the order of the contract; reasons are explanations, not fields. */
    public static Map<String, String> fields(Verdict verdict) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("arsRegionCode", verdict.arsRegionCode().orElse(null));
        fields.put("legalQualification", verdict.legalQualification().name());
        fields.put("maliciousness", verdict.maliciousness().name());
        fields.put("severity", verdict.severity().name());
        fields.put("rsitClass", verdict.rsit().rsitClass());
        fields.put("rsitType", verdict.rsit().rsitType());
        fields.put("tlp", verdict.tlp().name());
        fields.put("deadlines", verdict.deadlines().isEmpty() ? null : verdict.deadlines().stream()
                .map(deadline -> deadline.duty() + " by " + deadline.dueAt()).collect(Collectors.joining(", ")));
        return fields;
    }

    /** Every field of {@code current} whose value differs from {@code previous}, in field order. */
    public static List<Change> between(Map<String, String> previous, Map<String, String> current) {
        List<Change> changes = new ArrayList<>();
        current.forEach((field, value) -> {
            if (!Objects.equals(previous.get(field), value)) {
                changes.add(new Change(field, previous.get(field), value));
            }
        });
        return changes;
    }
}
