package org.psig.triage.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignMember;

/**
 * Which campaigns each incident belongs to, as psig.incident.campaigns has told so far, so that a
 * later verdict of a member names its campaigns. Each campaign's members arrive keyed by incident
 * (re-partitioned like the reports), so an incident's campaigns sit in the task that triages it.
 * Members are never removed from a campaign, even once it closes.
 */
final class CampaignMembers implements Processor<String, String, Void, Void> {

    static final String STORE = "campaigns-by-incident";

    private KeyValueStore<String, String> store;

    /** One (incidentId, campaignId) pair per member of a campaign's latest state. */
    static List<KeyValue<String, String>> pairs(Campaign campaign) {
        List<KeyValue<String, String>> pairs = new ArrayList<>();
        for (CampaignMember member : campaign.getMembers()) {
            pairs.add(KeyValue.pair(member.getIncidentId().toString(), campaign.getCampaignId().toString()));
        }
        return pairs;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> member) {
        String stored = store.get(member.key());
        if (!of(stored).contains(member.value())) {
            store.put(member.key(), with(stored, member.value()));
        }
    }

    /** The campaigns a stored value names, in a stable order; empty when none (yet). */
    static List<String> of(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(Arrays.asList(stored.split(","))));
    }

    static String with(String stored, String campaignId) {
        TreeSet<String> all = new TreeSet<>(of(stored));
        all.add(campaignId);
        return String.join(",", all);
    }
}
