package org.psig.correlation.rules;

import java.time.Instant;
import java.util.List;

/**
 * What one rule remembers of one key: the recent sightings that have not (yet) made a campaign, and
 * the open campaign if there is one. Kept in a changelogged store, so it survives any restart.
 */
public record Track(String rule, String key, List<Sighting> recent, Open open) {

    public Track {
        recent = List.copyOf(recent);
    }

    static Track empty(String rule, String key) {
        return new Track(rule, key, List.of(), null);
    }

    Track withOpen(Open campaign) {
        return new Track(rule, key, recent, campaign);
    }

    Track withRecent(List<Sighting> sightings) {
        return new Track(rule, key, sightings, open);
    }

    /** An open campaign: its deterministic id, its members, and the last member count alerted. */
    public record Open(String campaignId, List<Sighting> members, Instant openedAt, int lastAlertedStep) {

        public Open {
            members = List.copyOf(members);
        }
    }
}
