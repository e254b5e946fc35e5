package org.psig.correlation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store and the stream, in memory: every sighting under every rule, every change kept in order. */
final class Tracks {

    private final Correlation correlation;
    private final Map<String, Track> store = new LinkedHashMap<>();
    final List<CampaignChange> changes = new ArrayList<>();

    Tracks(Correlation correlation) {
        this.correlation = correlation;
    }

    Tracks() {
        this(new Correlation(CorrelationRules.DEFAULTS, GrowthSteps.DEFAULTS));
    }

    Tracks see(Sighting sighting, Instant now) {
        for (String ruleKey : correlation.keys(sighting)) {
            apply(ruleKey, correlation.tracker(ruleKey).orElseThrow()
                    .see(store.get(ruleKey), Correlation.keyOf(ruleKey), sighting, now));
        }
        return this;
    }

    Tracks seeAll(List<Sighting> sightings, Instant now) {
        sightings.forEach(sighting -> see(sighting, now));
        return this;
    }

    Tracks expire(Instant now) {
        for (String ruleKey : List.copyOf(store.keySet())) {
            apply(ruleKey, correlation.tracker(ruleKey).orElseThrow().expire(store.get(ruleKey), now));
        }
        return this;
    }

    List<CampaignChange.Alert> alerts() {
        return changes.stream().map(CampaignChange::alert).filter(java.util.Objects::nonNull).toList();
    }

    List<String> alertSummary() {
        return changes.stream().filter(change -> change.alert() != null)
                .map(change -> change.campaign().rule() + " " + change.alert().event() + " " + change.alert().step())
                .toList();
    }

    /** The latest state of each campaign, by campaignId, as a compacted topic keeps it. */
    Map<String, CampaignView> campaigns() {
        Map<String, CampaignView> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(change.campaign().campaignId(), change.campaign()));
        return latest;
    }

    int remembered() {
        return store.size();
    }

    private void apply(String ruleKey, CampaignTracker.Result result) {
        if (result.next() == null) {
            store.remove(ruleKey);
        } else {
            store.put(ruleKey, result.next());
        }
        changes.addAll(result.changes());
    }
}
