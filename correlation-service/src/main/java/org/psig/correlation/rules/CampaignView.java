package org.psig.correlation.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A campaign as the topics show it: open or closed, with its members. */
public record CampaignView(String campaignId, String rule, String key, boolean open, List<Sighting> members,
                           Instant openedAt, Instant closedAt) {

    /** Operational severities, highest first (the verdict's order). */
    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    public CampaignView {
        members = List.copyOf(members);
    }

    public long establishments() {
        return members.stream().map(Sighting::finessEt).distinct().count();
    }

    public List<String> regions() {
        return members.stream().map(Sighting::regionCode).filter(Objects::nonNull).distinct().sorted().toList();
    }

    public Instant firstSeen() {
        return members.stream().map(Sighting::detectedAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    public Instant lastSeen() {
        return members.stream().map(Sighting::detectedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    public String highestSeverity() {
        return members.stream().map(Sighting::severity).min(Comparator.comparingInt(CampaignView::rank)).orElseThrow();
    }

    private static int rank(String severity) {
        int rank = SEVERITIES.indexOf(severity);
        return rank < 0 ? SEVERITIES.size() : rank;
    }
}
