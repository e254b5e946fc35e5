package org.psig.console.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.psig.console.board.Board;
import org.psig.console.board.CampaignCard;
import org.psig.console.board.Filter;
import org.psig.console.board.IncidentCard;
import org.psig.console.export.MispExport;
import org.psig.console.export.StixExport;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.Topics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.node.ObjectNode;

/** What the console page reads, and the exports. Every answer comes from the board. */
@RestController
@RequestMapping("/api")
class ConsoleApi {

    private final Board board;

    ConsoleApi(Board board) {
        this.board = board;
    }

    @GetMapping("/incidents")
    List<IncidentCard> incidents(Filter filter, @RequestParam(defaultValue = "200") int limit) {
        return board.incidents(filter, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/incidents/{incidentId}")
    Map<String, Object> incident(@PathVariable String incidentId) {
        List<IncidentCard> revisions = board.revisions(incidentId);
        if (revisions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No incident " + incidentId + " on the board");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("latest", revisions.get(revisions.size() - 1));
        detail.put("revisions", revisions);
        detail.put("campaignIds", board.campaignsOf(incidentId));
        return detail;
    }

    @GetMapping("/campaigns")
    List<CampaignCard> campaigns() {
        return board.campaigns();
    }

    @GetMapping("/campaigns/{campaignId}")
    CampaignCard campaign(@PathVariable String campaignId) {
        return board.campaign(campaignId).orElseThrow(() -> notFound("campaign", campaignId));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Filter filter) {
        return LiveFeed.open(board, filter);
    }

    /** The values each filter can take, from the contract's own enums: the page has no list of its own. */
    @GetMapping("/vocabulary")
    Map<String, List<String>> vocabulary() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("region", Topics.ARS_REGION_CODES);
        values.put("severity", names(Severity.values()));
        values.put("qualification", names(LegalQualification.values()));
        values.put("maliciousness", names(Maliciousness.values()));
        values.put("category", names(IncidentCategory.values()));
        values.put("tlp", names(Tlp.values()));
        return values;
    }

    @GetMapping("/incidents/{incidentId}/stix")
    ResponseEntity<ObjectNode> incidentStix(@PathVariable String incidentId) {
        return download(StixExport.incident(latest(incidentId)), "incident-" + incidentId + ".stix.json");
    }

    @GetMapping("/incidents/{incidentId}/misp")
    ResponseEntity<ObjectNode> incidentMisp(@PathVariable String incidentId) {
        return download(MispExport.incident(latest(incidentId)), "incident-" + incidentId + ".misp.json");
    }

    @GetMapping("/campaigns/{campaignId}/stix")
    ResponseEntity<ObjectNode> campaignStix(@PathVariable String campaignId) {
        return download(StixExport.campaign(campaign(campaignId), board::incident), "campaign-" + campaignId + ".stix.json");
    }

    @GetMapping("/campaigns/{campaignId}/misp")
    ResponseEntity<ObjectNode> campaignMisp(@PathVariable String campaignId) {
        return download(MispExport.campaign(campaign(campaignId), board::incident), "campaign-" + campaignId + ".misp.json");
    }

    private IncidentCard latest(String incidentId) {
        return board.incident(incidentId).orElseThrow(() -> notFound("incident", incidentId));
    }

    private static ResponseEntity<ObjectNode> download(ObjectNode document, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(document);
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id + " on the board");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
