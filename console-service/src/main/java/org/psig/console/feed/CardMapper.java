package org.psig.console.feed;

import org.psig.console.board.CampaignCard;
import org.psig.console.board.IncidentCard;
import org.psig.schemas.Campaign;
import org.psig.schemas.DetectionTimes;
import org.psig.schemas.IncidentDetails;
import org.psig.schemas.IncidentTriaged;

/** The topics' Avro records as the console's cards. */
final class CardMapper {

    private CardMapper() {
    }

    static IncidentCard incident(IncidentTriaged triaged) {
        IncidentDetails incident = triaged.getReport().getIncident();
        return new IncidentCard(triaged.getIncidentId().toString(), triaged.getRevision(), triaged.getKind().name(),
                triaged.getReceivedAt(), triaged.getReport().getEstablishment().getFinessEt(),
                triaged.getReport().getEstablishment().getName(), triaged.getReport().getEstablishment().getType().name(),
                triaged.getArsRegionCode(), triaged.getLegalQualification().name(), triaged.getMaliciousness().name(),
                triaged.getSeverity().name(), incident.getCategory().name(), incident.getProvider(),
                triaged.getTlp() == null ? null : triaged.getTlp().name(), triaged.getRsitClass(), triaged.getRsitType(),
                DetectionTimes.detectedAt(triaged), incident.getSummary(), incident.getDescription(),
                incident.getStatus().name(),
                triaged.getDeadlines().stream().map(d -> new IncidentCard.Deadline(d.getDuty().name(), d.getDueAt())).toList(),
                triaged.getReasons(), triaged.getRulesetVersion());
    }

    static CampaignCard campaign(Campaign campaign) {
        return new CampaignCard(campaign.getCampaignId().toString(), campaign.getRule(), campaign.getKey(),
                campaign.getState().name(),
                campaign.getMembers().stream().map(member -> new CampaignCard.Member(member.getIncidentId().toString(),
                        member.getFinessEt(), member.getEstablishmentName(), member.getArsRegionCode(),
                        member.getCategory().name(), member.getSeverity().name(), member.getDetectedAt())).toList(),
                campaign.getEstablishments(), campaign.getArsRegionCodes(), campaign.getFirstSeen(), campaign.getLastSeen(),
                campaign.getHighestSeverity().name(), campaign.getOpenedAt(), campaign.getClosedAt());
    }
}
