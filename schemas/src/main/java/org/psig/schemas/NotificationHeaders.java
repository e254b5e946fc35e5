package org.psig.schemas;

/**
 * The headers of every notification record, readable without decoding the value: recipients filter
 * on them, and the intake's status of each incident is built from them.
 */
public final class NotificationHeaders {

    public static final String INCIDENT_ID = "psig-incident-id";
    public static final String SEVERITY = "psig-severity";
    public static final String MALICIOUSNESS = "psig-maliciousness";
    /** The ARS region code; empty on the unrouted topic. */
    public static final String REGION = "psig-region";
    /** The report's revision the notification tells of; absent on notifications sent before revisions existed. */
    public static final String REVISION = "psig-revision";
    /** INITIAL, UPDATE or CLOSURE. */
    public static final String KIND = "psig-kind";
    /** When the notification was published, ISO-8601 UTC: the value's publishedAt. */
    public static final String PUBLISHED_AT = "psig-published-at";

    private NotificationHeaders() {
    }
}
