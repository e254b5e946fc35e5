package org.psig.triage.flow;

import java.time.Clock;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.psig.kafka.streams.IncidentStreams;
import org.psig.kafka.streams.Outages;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.Campaign;
import org.psig.schemas.Topics;
import org.psig.triage.rules.TriagePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * psig.incident.reported → triage (with what it remembers of each incident) → psig.incident.triaged,
 * refusals to psig.incident.reported-dlt; psig.incident.campaigns → each member re-keyed by its
 * incident ({@value #MEMBERS} repartition topic) → the campaigns of each incident, beside it.
 */
public final class TriageTopology {

    /** Internal topic: each campaign's members, keyed by incident. */
    public static final String MEMBERS = "campaign-members";

    private static final Logger log = LoggerFactory.getLogger(TriageTopology.class);

    private TriageTopology() {
    }

    public static void build(StreamsBuilder builder, TriagePolicy policy, StreamsParts parts,
                             Serializer<SpecificRecord> avro) {
        RevisionTriage triage = new RevisionTriage(policy, parts.meters(), Clock.systemUTC());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TriageProcessor.STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CampaignMembers.STORE),
                Serdes.String(), Serdes.String()));
        builder.stream(Topics.INCIDENT_CAMPAIGNS, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-" + Topics.INCIDENT_CAMPAIGNS))
                .flatMap((campaignId, value) -> members(parts, campaignId, value), Named.as("members"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(MEMBERS))
                .process(CampaignMembers::new, Named.as("remember-campaigns"), CampaignMembers.STORE);
        IncidentStreams.wire(builder, Topics.INCIDENT_REPORTED, () -> new TriageProcessor(triage, parts), avro,
                TriageProcessor.STORE, CampaignMembers.STORE);
    }

    /**
     * A campaign's members; none from a value that is no campaign (correlation's to answer for: it
     * is logged). A registry away is thrown, and the campaign read again once it answers.
     */
    private static List<KeyValue<String, String>> members(StreamsParts parts, String campaignId, byte[] value) {
        if (value == null) {
            return List.of();
        }
        Object decoded;
        try {
            decoded = parts.deserializer().deserialize(Topics.INCIDENT_CAMPAIGNS, value);
        } catch (RuntimeException failed) {
            if (!Outages.isBadRecord(failed)) {
                throw failed;
            }
            decoded = null;
        }
        if (decoded instanceof Campaign campaign) {
            return CampaignMembers.pairs(campaign);
        }
        log.warn("Campaign {} on {} is not a campaign; its members are not known", campaignId, Topics.INCIDENT_CAMPAIGNS);
        return List.of();
    }
}
