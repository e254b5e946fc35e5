package org.psig.notification.flow;

import java.util.List;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.psig.kafka.streams.IncidentProcessor;
import org.psig.kafka.streams.Output;
import org.psig.kafka.streams.Remembered;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.IncidentTriaged;

/**
 * psig.incident.triaged in, the ARS (or unrouted) and HFDS notifications out, the last revision
 * notified per incident in a changelogged store: under exactly_once_v2 the notifications, the store
 * update and the input offset commit together. An incident notified by the release before this one
 * is found in its memory topic, read as a global store, until this one remembers it.
 */
final class NotificationProcessor extends IncidentProcessor<IncidentTriaged> {

    static final String STORE = "notified-revisions";

    private final Notifier notifier;
    private Remembered notified;

    NotificationProcessor(Notifier notifier, StreamsParts parts) {
        super(IncidentTriaged.class, parts);
        this.notifier = notifier;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        super.init(context);
        notified = Remembered.in(context, STORE);
    }

    @Override
    protected List<Output> handle(String incidentId, IncidentTriaged triaged) {
        int lastNotified = notified.find(incidentId).map(Notifier::revision).orElse(0);
        List<Output> notifications = notifier.notify(triaged, lastNotified);
        if (!notifications.isEmpty()) {
            notified.put(incidentId, Integer.toString(triaged.getRevision()));
        }
        return notifications;
    }
}
