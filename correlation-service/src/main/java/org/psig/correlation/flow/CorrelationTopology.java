package org.psig.correlation.flow;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.psig.correlation.rules.CampaignChange;
import org.psig.correlation.rules.Correlation;
import org.psig.correlation.rules.Sighting;
import org.psig.correlation.rules.Track;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignAlert;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;

/**
 * psig.incident.triaged → one sighting per rule that applies, re-keyed by rule and key (a
 * repartition topic, so that one key's sightings meet in one task whatever their incident's
 * partition) → the campaign trackers → psig.incident.campaigns and psig.notification.campaigns.
 */
public final class CorrelationTopology {

    /** Internal topic: sightings keyed by rule and key. */
    public static final String BY_RULE_KEY = "by-rule-key";

    private CorrelationTopology() {
    }

    /**
     * @param avro the contract's Avro serde, configured for the registry
     * @param alerted told of each alert once its transaction is under way (metrics)
     */
    public static void build(StreamsBuilder builder, Correlation correlation, Duration expiryCheck,
                             Serde<SpecificRecord> avro, Consumer<CampaignChange> alerted) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CorrelationProcessor.STORE),
                Serdes.String(), new JsonSerde<>(Track.class)));
        @SuppressWarnings("unchecked")
        Serde<IncidentTriaged> triaged = (Serde<IncidentTriaged>) (Serde<?>) avro;
        KStream<String, CampaignChange> changes = builder
                .stream(Topics.INCIDENT_TRIAGED, Consumed.with(Serdes.String(), triaged).withName("triaged"))
                .filter((incidentId, verdict) -> verdict != null, Named.as("not-empty"))
                .flatMap((incidentId, verdict) -> {
                    Sighting sighting = Sightings.of(verdict);
                    return correlation.keys(sighting).stream().map(key -> KeyValue.pair(key, sighting)).toList();
                }, Named.as("sightings"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Sighting.class)).withName(BY_RULE_KEY))
                .process(() -> new CorrelationProcessor(correlation, expiryCheck), Named.as("correlate"),
                        CorrelationProcessor.STORE);
        @SuppressWarnings("unchecked")
        Serde<Campaign> campaigns = (Serde<Campaign>) (Serde<?>) avro;
        @SuppressWarnings("unchecked")
        Serde<CampaignAlert> alerts = (Serde<CampaignAlert>) (Serde<?>) avro;
        changes.mapValues(change -> CampaignRecords.campaign(change.campaign()), Named.as("campaign-records"))
                .to(Topics.INCIDENT_CAMPAIGNS, Produced.with(Serdes.String(), campaigns).withName("campaigns"));
        changes.filter((campaignId, change) -> change.alert() != null, Named.as("alerts-only"))
                .peek((campaignId, change) -> alerted.accept(change), Named.as("count-alerts"))
                .mapValues(CampaignRecords::alert, Named.as("alert-records"))
                .to(Topics.NOTIFICATION_CAMPAIGNS, Produced.with(Serdes.String(), alerts).withName("campaign-alerts"));
    }
}
