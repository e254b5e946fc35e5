package org.psig.correlation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.psig.correlation.rules.CampaignChange.Alert;
import org.psig.correlation.rules.CampaignChange.Event;

/**
 * One rule's state machine for one key: sightings gather until enough establishments fit in the
 * window, then a campaign opens; members join while they come within the window; the campaign closes
 * once the window has passed its last member with no new one. Plain functions of (track, input, now):
 * the caller stores the next track and publishes the changes in one transaction.
 */
public final class CampaignTracker {

    /** The sightings of a key that can still make a campaign are bounded: one flooding site cannot grow them. */
    static final int MAX_RECENT = 500;

    private static final Comparator<Sighting> BY_DETECTION =
            Comparator.comparing(Sighting::detectedAt).thenComparing(Sighting::incidentId);

    private final CorrelationRule rule;
    private final GrowthSteps steps;

    public CampaignTracker(CorrelationRule rule, GrowthSteps steps) {
        this.rule = rule;
        this.steps = steps;
    }

    /** The track after the sighting, and what changed. {@code track} is null for a key never seen. */
    public Result see(Track track, String key, Sighting sighting, Instant now) {
        Track current = track == null ? Track.empty(rule.id(), key) : track;
        List<CampaignChange> changes = new ArrayList<>();
        Track.Open open = current.open();
        if (open != null) {
            if (isMember(open, sighting.incidentId())) {
                Track.Open revised = withMember(open, sighting);
                changes.add(new CampaignChange(view(current, revised, null), null));
                return new Result(current.withOpen(revised), changes);
            }
            if (fits(open, sighting)) {
                Track.Open grown = withMember(open, sighting);
                int members = grown.members().size();
                if (steps.pages(open.lastAlertedStep(), members)) {
                    grown = new Track.Open(grown.campaignId(), grown.members(), grown.openedAt(), members);
                    changes.add(new CampaignChange(view(current, grown, null), new Alert(Event.GREW, members, now)));
                } else {
                    changes.add(new CampaignChange(view(current, grown, null), null));
                }
                return new Result(current.withOpen(grown), changes);
            }
            changes.add(closing(current, open, now));
            current = current.withOpen(null);
        }
        List<Sighting> recent = recentWith(current.recent(), sighting);
        Optional<List<Sighting>> quorum = quorumAround(recent, sighting);
        if (quorum.isEmpty()) {
            return new Result(current.withRecent(recent), changes);
        }
        List<Sighting> members = quorum.get().stream().sorted(BY_DETECTION).toList();
        String campaignId = CampaignIds.campaign(rule.id(), key, members.get(0).incidentId());
        Track.Open opened = new Track.Open(campaignId, members, now, members.size());
        Track next = new Track(rule.id(), key, recent.stream().filter(s -> !members.contains(s)).toList(), opened);
        changes.add(new CampaignChange(view(next, opened, null), new Alert(Event.OPENED, members.size(), now)));
        return new Result(next, changes);
    }

    /**
     * Closes the campaign once {@code now} is past its last member by the window, and forgets
     * sightings too old to make one. The next track is null when nothing is left to remember.
     */
    public Result expire(Track track, Instant now) {
        List<CampaignChange> changes = new ArrayList<>();
        Track.Open open = track.open();
        if (open != null && now.isAfter(lastSeen(open).plus(rule.window()))) {
            changes.add(closing(track, open, now));
            open = null;
        }
        List<Sighting> recent = track.recent().stream().filter(s -> !now.isAfter(s.detectedAt().plus(rule.window()))).toList();
        Track next = open == null && recent.isEmpty() ? null : new Track(track.rule(), track.key(), recent, open);
        return new Result(next, changes);
    }

    private CampaignChange closing(Track track, Track.Open open, Instant now) {
        return new CampaignChange(view(track, open, now), new Alert(Event.CLOSED, open.members().size(), now));
    }

    private boolean fits(Track.Open open, Sighting sighting) {
        Duration window = rule.window();
        Instant first = open.members().stream().map(Sighting::detectedAt).min(Comparator.naturalOrder()).orElseThrow();
        return !sighting.detectedAt().isBefore(first.minus(window)) && !sighting.detectedAt().isAfter(lastSeen(open).plus(window));
    }

    private static Instant lastSeen(Track.Open open) {
        return open.members().stream().map(Sighting::detectedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static boolean isMember(Track.Open open, String incidentId) {
        return open.members().stream().anyMatch(member -> member.incidentId().equals(incidentId));
    }

    /** The members with this sighting added, or replacing an earlier revision of its incident. */
    private static Track.Open withMember(Track.Open open, Sighting sighting) {
        List<Sighting> members = new ArrayList<>(open.members().stream()
                .filter(member -> !member.incidentId().equals(sighting.incidentId())).toList());
        members.add(sighting);
        members.sort(BY_DETECTION);
        return new Track.Open(open.campaignId(), members, open.openedAt(), open.lastAlertedStep());
    }

    /** The gathered sightings with this one, latest revision of each incident, none older than the window allows. */
    private List<Sighting> recentWith(List<Sighting> recent, Sighting sighting) {
        List<Sighting> all = new ArrayList<>(recent.stream()
                .filter(s -> !s.incidentId().equals(sighting.incidentId())).toList());
        all.add(sighting);
        Instant newest = all.stream().map(Sighting::detectedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Sighting> kept = all.stream().filter(s -> !s.detectedAt().isBefore(newest.minus(rule.window())))
                .sorted(BY_DETECTION).toList();
        return kept.size() > MAX_RECENT ? kept.subList(kept.size() - MAX_RECENT, kept.size()) : kept;
    }

    /**
     * The sightings of one window that holds this sighting and enough establishments, if any. Windows
     * start at each earlier sighting within reach: a late report can complete a window in its middle.
     */
    private Optional<List<Sighting>> quorumAround(List<Sighting> recent, Sighting sighting) {
        Instant at = sighting.detectedAt();
        List<Instant> starts = recent.stream().map(Sighting::detectedAt)
                .filter(start -> !start.isBefore(at.minus(rule.window())) && !start.isAfter(at)).distinct().sorted().toList();
        for (Instant start : starts) {
            Instant end = start.plus(rule.window());
            List<Sighting> inWindow = recent.stream()
                    .filter(s -> !s.detectedAt().isBefore(start) && !s.detectedAt().isAfter(end)).toList();
            if (inWindow.stream().map(Sighting::finessEt).distinct().count() >= rule.minEstablishments()) {
                return Optional.of(inWindow);
            }
        }
        return Optional.empty();
    }

    private CampaignView view(Track track, Track.Open open, Instant closedAt) {
        return new CampaignView(open.campaignId(), track.rule(), track.key(), closedAt == null, open.members(),
                open.openedAt(), closedAt);
    }

    /** @param next null: nothing left to remember for this key */
    public record Result(Track next, List<CampaignChange> changes) {
    }
}
