package org.psig.triage.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.psig.kafka.TopicFollower;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which campaigns each incident belongs to, as psig.incident.campaigns has told so far, so that a
 * later verdict of a member names its campaigns. Members are never removed from a campaign, even
 * once it closes: an incident stays part of the campaign it was in.
 */
public final class CampaignMemberships implements TopicFollower.Sink {

    private static final Logger log = LoggerFactory.getLogger(CampaignMemberships.class);

    private final Map<String, Set<String>> campaignsByIncident = new ConcurrentHashMap<>();
    private final CountDownLatch read = new CountDownLatch(1);

    @Override
    public void accept(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof Campaign campaign) {
            record(campaign);
        } else if (record.value() != null) {
            log.warn("{}-{}@{} is not a campaign; its members are not known", record.topic(), record.partition(),
                    record.offset());
        }
    }

    /** The latest state of one campaign; its members are all it had and more. */
    public void record(Campaign campaign) {
        String campaignId = campaign.getCampaignId().toString();
        for (CampaignMember member : campaign.getMembers()) {
            campaignsByIncident.computeIfAbsent(member.getIncidentId().toString(), incident -> new ConcurrentSkipListSet<>())
                    .add(campaignId);
        }
    }

    @Override
    public void onCaughtUp() {
        read.countDown();
    }

    /** Waits at most this long for the topic to be read up to where it stood at the start; tells whether it was. */
    public boolean awaitRead(Duration timeout) {
        try {
            return read.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The campaigns of an incident, in a stable order; empty when it is in none (yet). */
    public List<String> of(String incidentId) {
        Set<String> campaigns = campaignsByIncident.get(incidentId);
        return campaigns == null ? List.of() : List.copyOf(campaigns);
    }
}
