package org.psig.console.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.psig.console.board.CampaignCard;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every export validates against the official schemas, and says what an analyst needs in their words. */
class ExportStandardsTest {

    private static final int MEMBERS = 40;
    private final CampaignCard story = Cards.story(MEMBERS);

    @Test
    void shouldExportAnIncidentAsAValidStixBundle() {
        ObjectNode bundle = StixExport.incident(Cards.ransomware());

        assertThat(Standards.stixErrors(bundle)).isEmpty();
        assertThat(types(bundle)).containsExactlyInAnyOrder("marking-definition", "incident", "identity", "relationship");
        JsonNode incident = object(bundle, "incident");
        assertThat(incident.path("id").asString()).isEqualTo("incident--f9a9222a-45fe-3d58-96b8-58839206790b");
        assertThat(incident.path("object_marking_refs").get(0).asString())
                .isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        assertThat(incident.path("external_references").toString()).contains("rsit:information-content-security=\\\"unauthorised-information-modification\\\"");
        assertThat(object(bundle, "marking-definition").path("name").asString()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(object(bundle, "identity").path("name").asString()).isEqualTo("Centre hospitalier de Kerlann");
    }

    @Test
    void shouldExportTheStorysCampaignAsAValidStixBundle() {
        ObjectNode bundle = StixExport.campaign(story, id -> Cards.known(id, MEMBERS));

        assertThat(Standards.stixErrors(bundle)).isEmpty();
        assertThat(types(bundle).stream().filter("incident"::equals)).hasSize(MEMBERS);
        assertThat(types(bundle).stream().filter("identity"::equals)).hasSize(MEMBERS);
        assertThat(types(bundle).stream().filter("relationship"::equals)).hasSize(MEMBERS * 3 - 1);
        JsonNode campaign = object(bundle, "campaign");
        assertThat(campaign.path("id").asString()).isEqualTo("campaign--5f79be01-e331-3e6e-8457-755f84909f6d");
        assertThat(campaign.path("object_marking_refs").get(0).asString())
                .as("the strictest TLP of its members").isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        assertThat(bundle.toString()).contains("\"relationship_type\":\"targets\"", "\"relationship_type\":\"related-to\"");
    }

    @Test
    void shouldExportAnIncidentAsAValidMispEventWithTheTaxonomiesTags() {
        ObjectNode event = MispExport.incident(Cards.ransomware());

        assertThat(Standards.mispErrors(event)).isEmpty();
        assertThat(event.path("Event").path("Tag").findValuesAsString("name"))
                .containsExactly("tlp:amber+strict", "PAP:AMBER", "rsit:information-content-security=\"unauthorised-information-modification\"");
        assertThat(event.path("Event").path("uuid").asString()).isEqualTo("f9a9222a-45fe-3d58-96b8-58839206790b");
        assertThat(event.path("Event").path("threat_level_id").asString()).isEqualTo("1");
    }

    @Test
    void shouldExportTheStorysCampaignAsAValidMispEvent() {
        ObjectNode event = MispExport.campaign(story, id -> Cards.known(id, MEMBERS));

        assertThat(Standards.mispErrors(event)).isEmpty();
        assertThat(event.path("Event").path("Tag").findValuesAsString("name")).containsExactly("tlp:amber+strict", "PAP:AMBER");
        assertThat(event.path("Event").path("Attribute").findValuesAsString("type").stream().filter("target-org"::equals))
                .hasSize(MEMBERS);
    }

    @Test
    void shouldSpellEveryTlpAsTheTaxonomiesAndStixDo() {
        for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED")) {
            ObjectNode event = MispExport.incident(Cards.outage(1, tlp));
            assertThat(Standards.mispErrors(event)).as(tlp).isEmpty();
            assertThat(Standards.stixErrors(StixExport.incident(Cards.outage(1, tlp)))).as(tlp).isEmpty();
        }
    }

    @Test
    void shouldCatchAnExportOutsideTheStandards() {
        ObjectNode bundle = StixExport.incident(Cards.ransomware());
        ((ObjectNode) object(bundle, "identity")).put("identity_class", 42);
        ObjectNode event = MispExport.incident(Cards.ransomware());
        ((ObjectNode) event.path("Event")).putArray("Tag").addObject().put("name", "tlp:amber-strict");
        ((ObjectNode) event.path("Event")).remove("info");

        assertThat(Standards.stixErrors(bundle)).isNotEmpty();
        assertThat(Standards.mispErrors(event)).contains("Event.info MUST be present")
                .anyMatch(error -> error.contains("tlp:amber-strict"));
    }

    @Test
    void shouldExportTheSameDocumentTwice() {
        assertThat(StixExport.incident(Cards.ransomware())).isEqualTo(StixExport.incident(Cards.ransomware()));
        assertThat(MispExport.campaign(story, id -> Cards.known(id, MEMBERS)))
                .isEqualTo(MispExport.campaign(story, id -> Cards.known(id, MEMBERS)));
    }

    private static List<String> types(JsonNode bundle) {
        return bundle.path("objects").findValuesAsString("type");
    }

    private static JsonNode object(JsonNode bundle, String type) {
        for (JsonNode object : bundle.path("objects")) {
            if (object.path("type").asString().equals(type)) {
                return object;
            }
        }
        throw new AssertionError("no " + type + " in " + bundle);
    }
}
