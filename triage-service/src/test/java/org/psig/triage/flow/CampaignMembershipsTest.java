package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Topics;

/** What triage knows of the campaigns each incident belongs to, from the campaigns' latest states. */
class CampaignMembershipsTest {

    private static final UUID OUTAGE = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
    private static final UUID WAVE = UUID.fromString("0a1b2c3d-0000-3000-8000-000000000001");
    private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID THIRD = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID OUTSIDE = UUID.fromString("00000000-0000-4000-8000-000000000009");

    private final CampaignMemberships memberships = new CampaignMemberships();

    @Test
    void shouldNameTheCampaignOfEachMemberAndNoneOfAnIncidentOutside() {
        memberships.record(Reports.campaign(OUTAGE, FIRST, SECOND, THIRD));

        assertThat(memberships.of(FIRST.toString())).containsExactly(OUTAGE.toString());
        assertThat(memberships.of(THIRD.toString())).containsExactly(OUTAGE.toString());
        assertThat(memberships.of(OUTSIDE.toString())).isEmpty();
    }

    @Test
    void shouldNameBothCampaignsOfAnIncidentInTwoInAStableOrder() {
        memberships.record(Reports.campaign(WAVE, SECOND));
        memberships.record(Reports.campaign(OUTAGE, FIRST, SECOND));

        assertThat(memberships.of(SECOND.toString())).containsExactly(WAVE.toString(), OUTAGE.toString());
        assertThat(memberships.of(FIRST.toString())).containsExactly(OUTAGE.toString());
    }

    @Test
    void shouldAddTheMembersAGrownCampaignBringsAndKeepTheEarlierOnesOnce() {
        memberships.record(Reports.campaign(OUTAGE, FIRST, SECOND));
        memberships.record(Reports.campaign(OUTAGE, FIRST, SECOND, THIRD));

        assertThat(memberships.of(THIRD.toString())).containsExactly(OUTAGE.toString());
        assertThat(memberships.of(FIRST.toString())).containsExactly(OUTAGE.toString());
    }

    @Test
    void shouldTakeCampaignsFromTheTopicAndSkipWhatIsNotOne() {
        memberships.accept(new ConsumerRecord<>(Topics.INCIDENT_CAMPAIGNS, 0, 0, OUTAGE.toString(), Reports.campaign(OUTAGE, FIRST)));
        memberships.accept(new ConsumerRecord<>(Topics.INCIDENT_CAMPAIGNS, 0, 1, WAVE.toString(), "not a campaign"));
        memberships.accept(new ConsumerRecord<>(Topics.INCIDENT_CAMPAIGNS, 0, 2, WAVE.toString(), null));

        assertThat(memberships.of(FIRST.toString())).containsExactly(OUTAGE.toString());
    }

    @Test
    void shouldTellWhetherTheTopicWasReadUpToItsStart() {
        assertThat(memberships.awaitRead(Duration.ofMillis(50))).isFalse();

        memberships.onCaughtUp();

        assertThat(memberships.awaitRead(Duration.ofMillis(50))).isTrue();
    }
}
