package org.psig.intake.status;

import java.time.Instant;
import java.util.Comparator;

import org.psig.schemas.Topics;

/** One notification sent: to whom ({@code ARS-<region>}, {@code UNROUTED} or {@code HFDS}), of which revision, when. */
public record Notified(String recipient, int revision, Instant publishedAt) {

    static final String HFDS = "HFDS";
    static final Comparator<Notified> ORDER = Comparator.comparingInt(Notified::revision)
            .thenComparing(Notified::publishedAt).thenComparing(Notified::recipient);

    /** The recipient a notification topic serves; topic names come from {@link Topics} only. */
    static String recipient(String topic) {
        if (topic.equals(Topics.NOTIFICATION_HFDS)) {
            return HFDS;
        }
        if (topic.equals(Topics.NOTIFICATION_UNROUTED)) {
            return "UNROUTED";
        }
        // Interned: one of 20 texts, kept for every notification of every incident.
        return ("ARS-" + topic.substring(topic.lastIndexOf('.') + 1)).intern();
    }

    /** The same notification read twice (a transaction's record and a replay are the same revision to the same recipient). */
    boolean sameAs(Notified other) {
        return recipient.equals(other.recipient) && revision == other.revision;
    }
}
