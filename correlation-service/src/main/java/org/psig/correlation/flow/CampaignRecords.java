package org.psig.correlation.flow;

import java.util.UUID;

import org.psig.correlation.rules.CampaignChange;
import org.psig.correlation.rules.CampaignIds;
import org.psig.correlation.rules.CampaignView;
import org.psig.correlation.rules.Sighting;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignAlert;
import org.psig.schemas.CampaignEvent;
import org.psig.schemas.CampaignMember;
import org.psig.schemas.CampaignState;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.Severity;

/** Campaigns and their alerts in the contract's Avro records. */
final class CampaignRecords {

    private CampaignRecords() {
    }

    static Campaign campaign(CampaignView view) {
        return Campaign.newBuilder()
                .setCampaignId(UUID.fromString(view.campaignId()))
                .setRule(view.rule())
                .setKey(view.key())
                .setState(view.open() ? CampaignState.OPEN : CampaignState.CLOSED)
                .setMembers(view.members().stream().map(CampaignRecords::member).toList())
                .setEstablishments((int) view.establishments())
                .setArsRegionCodes(view.regions())
                .setFirstSeen(view.firstSeen())
                .setLastSeen(view.lastSeen())
                .setHighestSeverity(Severity.valueOf(view.highestSeverity()))
                .setOpenedAt(view.openedAt())
                .setClosedAt(view.closedAt())
                .build();
    }

    static CampaignAlert alert(CampaignChange change) {
        CampaignChange.Alert alert = change.alert();
        return CampaignAlert.newBuilder()
                .setEventId(UUID.fromString(CampaignIds.alert(change.campaign().campaignId(), alert.event(), alert.step())))
                .setEvent(CampaignEvent.valueOf(alert.event().name()))
                .setStep(alert.step())
                .setAlertedAt(alert.at())
                .setCampaign(campaign(change.campaign()))
                .build();
    }

    private static CampaignMember member(Sighting sighting) {
        return CampaignMember.newBuilder()
                .setIncidentId(UUID.fromString(sighting.incidentId()))
                .setFinessEt(sighting.finessEt())
                .setEstablishmentName(sighting.establishmentName())
                .setArsRegionCode(sighting.regionCode())
                .setCategory(IncidentCategory.valueOf(sighting.category()))
                .setSeverity(Severity.valueOf(sighting.severity()))
                .setDetectedAt(sighting.detectedAt())
                .build();
    }
}
