package org.psig.schemas;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The headers of every verdict on {@code psig.incident.triaged}: its summary, readable without
 * decoding a value that carries the whole report. The intake's status of each incident is built
 * from them; a verdict written before they existed has none and is decoded instead.
 */
public final class VerdictHeaders {

    public static final String REVISION = NotificationHeaders.REVISION;
    public static final String LEGAL_QUALIFICATION = "psig-legal-qualification";
    public static final String MALICIOUSNESS = NotificationHeaders.MALICIOUSNESS;
    public static final String SEVERITY = NotificationHeaders.SEVERITY;
    /** The ARS region code; empty when unrouted. */
    public static final String REGION = NotificationHeaders.REGION;
    public static final String TLP = "psig-tlp";
    /** {@code DUTY=dueAt} pairs separated by commas, dueAt in ISO-8601 UTC; empty when none is due. */
    public static final String DEADLINES = "psig-deadlines";
    public static final String RULESET_VERSION = "psig-ruleset-version";

    private VerdictHeaders() {
    }

    /** The headers of a verdict, in a fixed order. */
    public static Map<String, String> of(IncidentTriaged verdict) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REVISION, Integer.toString(verdict.getRevision()));
        headers.put(LEGAL_QUALIFICATION, verdict.getLegalQualification().name());
        headers.put(MALICIOUSNESS, verdict.getMaliciousness().name());
        headers.put(SEVERITY, verdict.getSeverity().name());
        headers.put(REGION, verdict.getArsRegionCode() == null ? "" : verdict.getArsRegionCode());
        headers.put(TLP, verdict.getTlp() == null ? "" : verdict.getTlp().name());
        headers.put(DEADLINES, verdict.getDeadlines().stream()
                .map(deadline -> deadline.getDuty().name() + "=" + deadline.getDueAt())
                .collect(Collectors.joining(",")));
        headers.put(RULESET_VERSION, verdict.getRulesetVersion());
        return headers;
    }

    /** The deadlines a {@link #DEADLINES} header holds. */
    public static List<Deadline> deadlines(String header) {
        if (header.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(pair -> {
            int equals = pair.indexOf('=');
            return new Deadline(Duty.valueOf(pair.substring(0, equals)), Instant.parse(pair.substring(equals + 1)));
        }).toList();
    }
}
