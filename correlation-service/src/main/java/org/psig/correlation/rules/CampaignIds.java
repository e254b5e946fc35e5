package org.psig.correlation.rules;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids: the same campaign, rebuilt from the same members after a restart or a replay, gets
 * the same campaignId, and an alert the same eventId, so a consumer can recognise a repeat.
 */
public final class CampaignIds {

    private CampaignIds() {
    }

    static String campaign(String rule, String key, String firstIncidentId) {
        return uuid("psig-campaign|" + rule + "|" + key + "|" + firstIncidentId);
    }

    public static String alert(String campaignId, CampaignChange.Event event, int step) {
        return uuid("psig-campaign-alert|" + campaignId + "|" + event + "|" + step);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
