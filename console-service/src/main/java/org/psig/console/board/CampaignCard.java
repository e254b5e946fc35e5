package org.psig.console.board;

import java.time.Instant;
import java.util.List;

/** A campaign as psig.incident.campaigns last showed it. */
public record CampaignCard(String campaignId, String rule, String key, String state, List<Member> members,
                           int establishments, List<String> regionCodes, Instant firstSeen, Instant lastSeen,
                           String highestSeverity, Instant openedAt, Instant closedAt) {

    public CampaignCard {
        members = List.copyOf(members);
        regionCodes = List.copyOf(regionCodes);
    }

    public record Member(String incidentId, String finessEt, String establishmentName, String regionCode,
                         String category, String severity, Instant detectedAt) {
    }
}
