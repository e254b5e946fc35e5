package org.psig.intake.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;

import org.psig.intake.auth.ApiKeys;
import org.psig.intake.auth.Caller;
import org.psig.intake.auth.RateLimits;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.publish.Receipt;
import org.psig.intake.publish.ReportUpdates;
import org.psig.intake.report.IncidentUpdateRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/incident-reports/{incidentId}/updates}: follow-ups and the closure, each revision once and in order. */
@RestController
@SecurityRequirement(name = OpenApiConfiguration.API_KEY)
class IncidentUpdateController {

    static final String PATH = IncidentReportController.PATH + "/{incidentId}/updates";

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;
    private final ReportReader reader;
    private final ReportUpdates updates;
    private final MeterRegistry meters;
    private final IntakeProperties properties;

    IncidentUpdateController(ApiKeys apiKeys, RateLimits rateLimits, ReportReader reader, ReportUpdates updates,
                             MeterRegistry meters, IntakeProperties properties) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.reader = reader;
        this.updates = updates;
        this.meters = meters;
        this.properties = properties;
    }

    /** The revision accepted, and when it was first received. */
    record AcceptedRevision(UUID incidentId, int revision, String status, Instant receivedAt,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                            @Schema(description = "Where the revision lies in the intake's log; give it as atLeast to a "
                                    + "GET on any instance to read this write back", example = "3-42") String position) {
    }

    static String path(UUID incidentId) {
        return PATH.replace("{incidentId}", incidentId.toString());
    }

    @Operation(summary = "Follow up on a report, or close it",
            description = "202 once the revision is durably written to Kafka. The revision must be the current one + 1; "
                    + "the same revision with the same content returns the same answer and notifies nobody again. "
                    + "A revision already accepted with other content, a skipped revision, or anything after the "
                    + "closure is a 409 naming the current revision. 404 for an unknown incident and for one the key "
                    + "does not cover.")
    @ApiResponse(responseCode = "202", description = "Accepted: durably written to Kafka, or recognised as a repeat of "
            + "an accepted revision (same receivedAt, nothing written).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentUpdateRequest.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<AcceptedRevision> update(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                            String authorization, @PathVariable UUID incidentId,
                                            HttpServletRequest http) throws IOException {
        Caller key = apiKeys.authenticate(authorization);
        rateLimits.take(key);
        IncidentUpdateRequest update = reader.readUpdate(BoundedBody.read(http, properties.maxBodySize()));

        Receipt receipt = updates.accept(incidentId, key, update);
        Acceptances.log(incidentId, receipt.revision(), receipt.repeat());

        meters.counter("psig.intake.reports", "outcome", receipt.repeat() ? "repeat" : "accepted", "reason", "update")
                .increment();
        return ResponseEntity.accepted().location(IncidentReportController.location(incidentId))
                .body(new AcceptedRevision(incidentId, receipt.revision(), "ACCEPTED", receipt.receivedAt(),
                        receipt.warnings(), receipt.position().token()));
    }
}
