package org.psig.console.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.psig.console.board.CampaignCard;
import org.psig.console.board.IncidentCard;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MISP events in the MISP core format: tags spelled as the {@code tlp}, {@code PAP} and {@code rsit}
 * taxonomies spell them, distribution "your organisation only" (CERT Santé decides what to share),
 * never published. Attributes carry the establishment and the incident, never the declarant.
 */
public final class MispExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORGANISATION_ONLY = "0";
    private static final String CERT_SANTE_UUID = Ids.uuid("organisation|cert-sante");

    private MispExport() {
    }

    public static ObjectNode incident(IncidentCard card) {
        Event event = new Event(card.incidentId(), card.category() + " at " + card.establishmentName() + ": " + card.summary(),
                card.detectedAt(), card.receivedAt(), threatLevel(card.severity()),
                "RESOLVED".equals(card.status()) ? "2" : "1");
        event.tag("tlp:" + Markings.value(card.tlp()));
        event.tag(Markings.pap(card.tlp()));
        if (card.rsitClass() != null && card.rsitType() != null) {
            event.tag("rsit:" + card.rsitClass() + "=\"" + card.rsitType() + "\"");
        }
        event.attribute("Targeting data", "target-org", card.establishmentName(), "establishment, FINESS ET " + card.finessEt());
        event.attribute("Internal reference", "text", card.finessEt(), "FINESS ET of the site");
        event.attribute("Internal reference", "text", card.incidentId(), "PSIG incidentId, revision " + card.revision());
        if (card.regionCode() != null) {
            event.attribute("Targeting data", "target-location", "ARS region " + card.regionCode(), "ARS concerned");
        }
        event.attribute("Other", "text", card.summary(), "summary");
        event.attribute("Other", "comment", card.description(), "description");
        event.attribute("Other", "datetime", Ids.timestamp(card.detectedAt()), "detected at");
        event.attribute("Other", "text", card.severity() + ", " + card.legalQualification() + ", " + card.maliciousness(),
                "verdict: severity, legal qualification, maliciousness (ruleset " + card.rulesetVersion() + ")");
        card.reasons().forEach(reason -> event.attribute("Other", "comment", reason, "reason"));
        return event.json();
    }

    public static ObjectNode campaign(CampaignCard campaign, Function<String, Optional<IncidentCard>> incidents) {
        List<String> tlps = new ArrayList<>();
        Event event = new Event(campaign.campaignId(), "Campaign " + campaign.rule() + ": " + campaign.key() + " ("
                + campaign.members().size() + " incidents, " + campaign.establishments() + " establishments)",
                campaign.firstSeen(), campaign.closedAt() != null ? campaign.closedAt() : campaign.lastSeen(),
                threatLevel(campaign.highestSeverity()), "CLOSED".equals(campaign.state()) ? "2" : "1");
        for (CampaignCard.Member member : campaign.members()) {
            incidents.apply(member.incidentId()).ifPresent(card -> tlps.add(card.tlp()));
            event.attribute("Targeting data", "target-org", member.establishmentName(),
                    "member, FINESS ET " + member.finessEt() + ", ARS region " + member.regionCode());
            event.attribute("Internal reference", "text", member.incidentId(), "member incidentId, " + member.category()
                    + ", " + member.severity());
        }
        String tlp = Markings.strictest(tlps);
        event.tag("tlp:" + Markings.value(tlp));
        event.tag(Markings.pap(tlp));
        event.attribute("Internal reference", "text", campaign.campaignId(), "PSIG campaignId, rule " + campaign.rule());
        return event.json();
    }

    /** MISP's threat levels: 1 high, 2 medium, 3 low. */
    private static String threatLevel(String severity) {
        return switch (severity) {
            case "CRITICAL", "HIGH" -> "1";
            case "MEDIUM" -> "2";
            default -> "3";
        };
    }

    private static final class Event {

        private final ObjectNode event = JSON.createObjectNode();
        private final String uuid;
        private final String timestamp;
        private final ArrayNode tags;
        private final ArrayNode attributes;

        Event(String uuid, String info, Instant date, Instant updated, String threatLevel, String analysis) {
            this.uuid = uuid;
            this.timestamp = Long.toString(updated.getEpochSecond());
            event.put("uuid", uuid);
            event.put("info", info);
            event.put("date", date.atOffset(ZoneOffset.UTC).toLocalDate().toString());
            event.put("timestamp", timestamp);
            event.put("publish_timestamp", "0");
            event.put("published", false);
            event.put("analysis", analysis);
            event.put("threat_level_id", threatLevel);
            event.put("distribution", ORGANISATION_ONLY);
            event.put("org_id", "1");
            event.put("orgc_id", "1");
            event.putObject("Org").put("id", "1").put("name", "CERT Santé").put("uuid", CERT_SANTE_UUID);
            event.putObject("Orgc").put("id", "1").put("name", "CERT Santé").put("uuid", CERT_SANTE_UUID);
            tags = event.putArray("Tag");
            attributes = event.putArray("Attribute");
        }

        void tag(String name) {
            tags.addObject().put("name", name);
        }

        void attribute(String category, String type, String value, String comment) {
            attributes.addObject()
                    .put("uuid", Ids.uuid("attribute|" + uuid + "|" + attributes.size()))
                    .put("event_id", "0")
                    .put("category", category)
                    .put("type", type)
                    .put("value", value)
                    .put("comment", comment)
                    .put("to_ids", false)
                    .put("distribution", "5")
                    .put("timestamp", timestamp)
                    .put("deleted", false);
        }

        ObjectNode json() {
            ObjectNode root = JSON.createObjectNode();
            root.set("Event", event);
            return root;
        }
    }
}
