package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** What triage keeps of the campaigns each incident belongs to, from the campaigns' latest states. */
class CampaignMembersTest {

    private static final UUID OUTAGE = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
    private static final UUID WAVE = UUID.fromString("0a1b2c3d-0000-3000-8000-000000000001");
    private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");

    @Test
    void shouldPairEachMemberWithItsCampaign() {
        assertThat(CampaignMembers.pairs(Reports.campaign(OUTAGE, FIRST, SECOND))).containsExactly(
                KeyValue.pair(FIRST.toString(), OUTAGE.toString()), KeyValue.pair(SECOND.toString(), OUTAGE.toString()));
    }

    @Test
    void shouldNameBothCampaignsOfAnIncidentInTwoInAStableOrderAndEachOnce() {
        String stored = CampaignMembers.with(null, OUTAGE.toString());
        stored = CampaignMembers.with(stored, WAVE.toString());
        stored = CampaignMembers.with(stored, OUTAGE.toString());

        assertThat(CampaignMembers.of(stored)).containsExactly(WAVE.toString(), OUTAGE.toString());
    }

    @Test
    void shouldNameNoCampaignOfAnIncidentInNone() {
        assertThat(CampaignMembers.of(null)).isEmpty();
        assertThat(CampaignMembers.of("")).isEmpty();
    }
}
