package org.psig.console.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the console knows: every revision of every incident and the latest state of every campaign,
 * as read from the topics. Listeners hear of each new card after it is on the board.
 */
public final class Board {

    private final Map<String, List<IncidentCard>> revisions = new LinkedHashMap<>();
    private final Map<String, CampaignCard> campaigns = new LinkedHashMap<>();
    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<Object> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Object> listener) {
        listeners.remove(listener);
    }

    public void add(IncidentCard card) {
        synchronized (this) {
            List<IncidentCard> known = revisions.computeIfAbsent(card.incidentId(), id -> new ArrayList<>());
            known.removeIf(revision -> revision.revision() == card.revision());
            known.add(card);
            known.sort(Comparator.comparingInt(IncidentCard::revision));
        }
        listeners.forEach(listener -> listener.accept(card));
    }

    public void add(CampaignCard card) {
        synchronized (this) {
            campaigns.put(card.campaignId(), card);
        }
        listeners.forEach(listener -> listener.accept(card));
    }

    /** The latest revision of each incident the filter lets through, newest receipt first, at most {@code limit}. */
    public synchronized List<IncidentCard> incidents(Filter filter, int limit) {
        return revisions.values().stream().map(all -> all.get(all.size() - 1)).filter(filter::matches)
                .sorted(Comparator.comparing(IncidentCard::receivedAt).reversed()).limit(limit).toList();
    }

    /** Every revision of the incident, oldest first; empty when unknown. */
    public synchronized List<IncidentCard> revisions(String incidentId) {
        return List.copyOf(revisions.getOrDefault(incidentId, List.of()));
    }

    public synchronized Optional<IncidentCard> incident(String incidentId) {
        List<IncidentCard> all = revisions.get(incidentId);
        return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public synchronized List<CampaignCard> campaigns() {
        return campaigns.values().stream().sorted(Comparator.comparing(CampaignCard::openedAt).reversed()).toList();
    }

    public synchronized Optional<CampaignCard> campaign(String campaignId) {
        return Optional.ofNullable(campaigns.get(campaignId));
    }

    /** The campaigns the incident is a member of. */
    public synchronized List<String> campaignsOf(String incidentId) {
        return campaigns.values().stream()
                .filter(campaign -> campaign.members().stream().anyMatch(member -> member.incidentId().equals(incidentId)))
                .map(CampaignCard::campaignId).toList();
    }
}
