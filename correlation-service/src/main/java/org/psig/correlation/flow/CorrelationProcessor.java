package org.psig.correlation.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.psig.correlation.rules.CampaignChange;
import org.psig.correlation.rules.CampaignTracker;
import org.psig.correlation.rules.Correlation;
import org.psig.correlation.rules.Sighting;
import org.psig.correlation.rules.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sightings keyed by rule and key in, campaign changes keyed by campaignId out. The tracks live in a
 * changelogged store: under exactly_once_v2 a store update, its outputs and the input offset commit
 * together, so a crash repeats none of them and loses none.
 */
final class CorrelationProcessor implements Processor<String, Sighting, String, CampaignChange> {

    static final String STORE = "campaign-tracks";

    private static final Logger log = LoggerFactory.getLogger(CorrelationProcessor.class);

    private final Correlation correlation;
    private final Duration expiryCheck;
    private ProcessorContext<String, CampaignChange> context;
    private KeyValueStore<String, Track> tracks;

    CorrelationProcessor(Correlation correlation, Duration expiryCheck) {
        this.correlation = correlation;
        this.expiryCheck = expiryCheck;
    }

    @Override
    public void init(ProcessorContext<String, CampaignChange> context) {
        this.context = context;
        this.tracks = context.getStateStore(STORE);
        context.schedule(expiryCheck, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        String ruleKey = record.key();
        CampaignTracker tracker = correlation.tracker(ruleKey).orElse(null);
        if (tracker == null) {
            log.warn("no correlation rule {} in force: sighting of {} ignored", Correlation.ruleOf(ruleKey),
                    record.value().incidentId());
            return;
        }
        apply(ruleKey, tracker.see(tracks.get(ruleKey), Correlation.keyOf(ruleKey), record.value(), now()));
    }

    /** Closes the campaigns whose window has passed, and forgets what can no longer make one. */
    private void expire(long wallClock) {
        List<KeyValue<String, Track>> all = new ArrayList<>();
        try (KeyValueIterator<String, Track> iterator = tracks.all()) {
            iterator.forEachRemaining(all::add);
        }
        Instant now = Instant.ofEpochMilli(wallClock);
        for (KeyValue<String, Track> entry : all) {
            CampaignTracker tracker = correlation.tracker(entry.key).orElse(null);
            if (tracker == null) {
                tracks.delete(entry.key);
            } else {
                apply(entry.key, tracker.expire(entry.value, now));
            }
        }
    }

    private void apply(String ruleKey, CampaignTracker.Result result) {
        if (result.next() == null) {
            tracks.delete(ruleKey);
        } else {
            tracks.put(ruleKey, result.next());
        }
        for (CampaignChange change : result.changes()) {
            if (change.alert() != null) {
                log.info("campaign {} {} at {} members: rule {}, key {}", change.campaign().campaignId(),
                        change.alert().event(), change.alert().step(), change.campaign().rule(), change.campaign().key());
            }
            context.forward(new Record<>(change.campaign().campaignId(), change, context.currentSystemTimeMs()));
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
