package org.psig.triage.flow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.psig.triage.rules.Duty;
import org.psig.triage.rules.Verdict;
import org.psig.triage.rules.VerdictChanges;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What triage remembers of an incident between revisions, as the value of its memory topic: the
 * last revision triaged, its content fingerprint, its verdict's fields (to tell what the next
 * revision changes) and its running deadlines (which later revisions keep). Incidents triaged
 * before revisions existed are remembered by their fingerprint alone: revision 1, verdict unknown.
 */
record TriagedSoFar(int revision, String fingerprint, Map<String, String> verdict, Map<Duty, Instant> deadlines) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static TriagedSoFar of(int revision, String fingerprint, Verdict verdict) {
        Map<Duty, Instant> deadlines = new LinkedHashMap<>();
        verdict.deadlines().forEach(deadline -> deadlines.put(deadline.duty(), deadline.dueAt()));
        return new TriagedSoFar(revision, fingerprint, VerdictChanges.fields(verdict), deadlines);
    }

    static TriagedSoFar decode(String value) {
        if (!value.startsWith("{")) {
            return new TriagedSoFar(1, value, Map.of(), Map.of());
        }
        try {
            return JSON.readValue(value, TriagedSoFar.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("Triage's memory holds an unreadable entry: " + value, e);
        }
    }

    String encode() {
        return JSON.writeValueAsString(this);
    }

    /** Never null: an entry whose verdict is unknown compares as a verdict without fields. */
    @Override
    public Map<String, String> verdict() {
        return verdict == null ? Map.of() : verdict;
    }

    @Override
    public Map<Duty, Instant> deadlines() {
        return deadlines == null ? Map.of() : deadlines;
    }
}
