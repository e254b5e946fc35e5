package org.psig.schemas;

import java.util.List;

/**
 * Every topic of the public contract, declared once. Fan-out topic names are built from the fixed
 * list of ARS region codes, never from payload text.
 */
public final class Topics {

    /** Accepted reports; key incidentId, value {@link IncidentReported}. Written by intake only. */
    public static final String INCIDENT_REPORTED = "psig.incident.reported";
    /** Reports and verdicts; key incidentId, value {@link IncidentTriaged}. Written by triage only. */
    public static final String INCIDENT_TRIAGED = "psig.incident.triaged";
    /** National view; key incidentId, value {@link HfdsNotification}. Written by notification only. */
    public static final String NOTIFICATION_HFDS = "psig.notification.hfds";
    /** Reports no ARS covers; key incidentId, value {@link ArsNotification}. Written by notification only. */
    public static final String NOTIFICATION_UNROUTED = "psig.notification.unrouted";

    /**
     * Campaigns found by correlation; key campaignId, value {@link Campaign}, compacted (latest state).
     * Written by correlation only.
     */
    public static final String INCIDENT_CAMPAIGNS = "psig.incident.campaigns";
    /** Campaign alerts for CERT Santé and the HFDS; key campaignId, value {@link CampaignAlert}. Written by correlation only. */
    public static final String NOTIFICATION_CAMPAIGNS = "psig.notification.campaigns";

    /** Internal: every incident triage has triaged, with its content fingerprint (compacted). */
    public static final String TRIAGE_SEEN_INCIDENTS = "psig.triage.seen-incidents";
    /** Internal: every incident whose notifications were published (compacted). */
    public static final String NOTIFIER_NOTIFIED_INCIDENTS = "psig.notifier.notified-incidents";

    /**
     * The consumer group whose committed offsets mark how far each dead-letter topic was replayed
     * ({@code ./psig replay-dlt}); what lies beyond still waits for an operator.
     */
    public static final String DEAD_LETTER_REPLAY_GROUP = "psig-replay-dlt";

    /** INSEE region codes of the 18 ARS, in the contract's order. */
    public static final List<String> ARS_REGION_CODES = List.of(
            "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");

    private static final String NOTIFICATION_ARS_PREFIX = "psig.notification.ars.";

    private Topics() {
    }

    /** The notification topic of one ARS; values {@link ArsNotification}. */
    public static String arsNotification(String regionCode) {
        if (!ARS_REGION_CODES.contains(regionCode)) {
            throw new IllegalArgumentException("No ARS has region code '" + regionCode + "'");
        }
        return NOTIFICATION_ARS_PREFIX + regionCode;
    }

    /** Where the records of {@code topic} that could not be processed go (Spring Kafka's naming). */
    public static String deadLetters(String topic) {
        return topic + "-dlt";
    }

    /** The 18 ARS notification topics. */
    public static List<String> allArsNotifications() {
        return ARS_REGION_CODES.stream().map(Topics::arsNotification).toList();
    }
}
