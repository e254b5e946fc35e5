package org.psig.console.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.psig.console.board.CampaignCard;
import org.psig.console.board.IncidentCard;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 bundles: an incident with the establishment's identity, its TLP marking and its RSIT
 * class; a campaign with its members' incidents and establishments, linked by relationships.
 */
public final class StixExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StixExport() {
    }

    public static ObjectNode incident(IncidentCard card) {
        Objects objects = new Objects();
        objects.incident(card);
        return objects.bundle("incident|" + card.incidentId() + "|" + card.revision());
    }

    /** @param incidents the board's latest revision of a member, when it has one */
    public static ObjectNode campaign(CampaignCard campaign, Function<String, Optional<IncidentCard>> incidents) {
        Objects objects = new Objects();
        List<String> tlps = new ArrayList<>();
        String campaignId = "campaign--" + campaign.campaignId();
        for (CampaignCard.Member member : campaign.members()) {
            Optional<IncidentCard> known = incidents.apply(member.incidentId());
            known.ifPresent(card -> tlps.add(card.tlp()));
            String incident = known.map(objects::incident).orElseGet(() -> objects.memberStub(member, campaign));
            String identity = objects.identity(member.finessEt(), member.establishmentName(), campaign.openedAt(), null);
            objects.relationship(incident, "related-to", campaignId, campaign.openedAt());
            objects.relationship(campaignId, "targets", identity, campaign.openedAt());
        }
        String tlp = Markings.strictest(tlps);
        ObjectNode sdo = objects.sdo("campaign", campaignId, campaign.openedAt(),
                campaign.closedAt() != null ? campaign.closedAt() : campaign.lastSeen(), tlp);
        sdo.put("name", campaign.rule() + ": " + campaign.key());
        sdo.put("description", campaign.members().size() + " incidents from " + campaign.establishments()
                + " establishments in ARS regions " + String.join(", ", campaign.regionCodes()) + ", highest severity "
                + campaign.highestSeverity() + ", " + campaign.state().toLowerCase(java.util.Locale.ROOT) + ".");
        sdo.put("first_seen", Ids.timestamp(campaign.firstSeen()));
        sdo.put("last_seen", Ids.timestamp(campaign.lastSeen()));
        sdo.putArray("labels").add("psig-rule:" + campaign.rule());
        objects.marking(tlp);
        objects.add(sdo);
        return objects.bundle("campaign|" + campaign.campaignId() + "|" + campaign.members().size() + "|" + campaign.state());
    }

    /** The objects of one bundle, each once. */
    private static final class Objects {

        private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

        String incident(IncidentCard card) {
            String id = "incident--" + card.incidentId();
            ObjectNode incident = sdo("incident", id, card.receivedAt(), card.receivedAt(), card.tlp());
            incident.put("name", card.summary());
            incident.put("description", card.description());
            ArrayNode labels = incident.putArray("labels");
            labels.add("severity:" + card.severity()).add("qualification:" + card.legalQualification())
                    .add("maliciousness:" + card.maliciousness()).add("category:" + card.category());
            ArrayNode references = incident.putArray("external_references");
            references.addObject().put("source_name", "psig").put("external_id", card.incidentId())
                    .put("description", "revision " + card.revision() + ", ruleset " + card.rulesetVersion());
            if (card.rsitClass() != null && card.rsitType() != null) {
                references.addObject().put("source_name", "rsit")
                        .put("external_id", "rsit:" + card.rsitClass() + "=\"" + card.rsitType() + "\"")
                        .put("description", "ENISA Reference Security Incident Taxonomy, as MISP spells it");
            }
            marking(card.tlp());
            add(incident);
            String identity = identity(card.finessEt(), card.establishmentName(), card.receivedAt(), card.tlp());
            relationship(id, "related-to", identity, card.receivedAt());
            return id;
        }

        /** A member whose verdict the console has not read (yet): its id and what the campaign says of it. */
        String memberStub(CampaignCard.Member member, CampaignCard campaign) {
            String id = "incident--" + member.incidentId();
            ObjectNode incident = sdo("incident", id, campaign.openedAt(), campaign.openedAt(), null);
            incident.put("name", member.category() + " at " + member.establishmentName());
            incident.putArray("labels").add("severity:" + member.severity()).add("category:" + member.category());
            marking(null);
            add(incident);
            return id;
        }

        String identity(String finessEt, String name, Instant at, String tlp) {
            String id = Ids.stix("identity", "finess-et|" + finessEt);
            if (!byId.containsKey(id)) {
                ObjectNode identity = sdo("identity", id, at, at, tlp);
                identity.put("name", name);
                identity.put("identity_class", "organization");
                identity.putArray("sectors").add("healthcare");
                identity.putArray("external_references").addObject().put("source_name", "FINESS").put("external_id", finessEt);
                add(identity);
            }
            return id;
        }

        void relationship(String source, String type, String target, Instant at) {
            String id = Ids.stix("relationship", source + "|" + type + "|" + target);
            ObjectNode relationship = sdo("relationship", id, at, at, null);
            relationship.put("relationship_type", type);
            relationship.put("source_ref", source);
            relationship.put("target_ref", target);
            add(relationship);
        }

        ObjectNode sdo(String type, String id, Instant created, Instant modified, String tlp) {
            ObjectNode node = JSON.createObjectNode();
            node.put("type", type);
            node.put("spec_version", "2.1");
            node.put("id", id);
            node.put("created", Ids.timestamp(created));
            node.put("modified", Ids.timestamp(modified.isBefore(created) ? created : modified));
            node.putArray("object_marking_refs").add(Markings.stixId(tlp));
            return node;
        }

        void marking(String tlp) {
            String id = Markings.stixId(tlp);
            if (byId.containsKey(id)) {
                return;
            }
            ObjectNode marking = JSON.createObjectNode();
            marking.put("type", "marking-definition");
            marking.put("spec_version", "2.1");
            marking.put("id", id);
            marking.put("created", "2022-10-01T00:00:00.000Z");
            marking.put("name", Markings.name(tlp));
            marking.putObject("extensions").putObject(Markings.TLP_2_EXTENSION)
                    .put("extension_type", "property-extension").put("tlp_2_0", Markings.value(tlp));
            byId.put(id, marking);
        }

        void add(ObjectNode object) {
            byId.putIfAbsent(object.get("id").asString(), object);
        }

        ObjectNode bundle(String name) {
            ObjectNode bundle = JSON.createObjectNode();
            bundle.put("type", "bundle");
            bundle.put("id", Ids.stix("bundle", name));
            ArrayNode objects = bundle.putArray("objects");
            byId.values().forEach(objects::add);
            return bundle;
        }
    }
}
