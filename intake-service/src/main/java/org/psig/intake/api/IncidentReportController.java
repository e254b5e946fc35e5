package org.psig.intake.api;

import java.io.IOException;
import java.net.URI;
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
import org.psig.intake.publish.ReportIntake;
import org.psig.intake.report.Finess;
import org.psig.intake.report.IncidentReportRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/incident-reports}: 202 only once Kafka holds the report, exactly once per report. */
@RestController
@SecurityRequirement(name = OpenApiConfiguration.API_KEY)
class IncidentReportController {

    static final String PATH = "/api/v1/incident-reports";

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;
    private final ReportReader reader;
    private final ReportIntake intake;
    private final MeterRegistry meters;
    private final IntakeProperties properties;

    IncidentReportController(ApiKeys apiKeys, RateLimits rateLimits, ReportReader reader, ReportIntake intake,
                             MeterRegistry meters, IntakeProperties properties) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.reader = reader;
        this.intake = intake;
        this.meters = meters;
        this.properties = properties;
    }

    /** The report's id, its status, when it was first received, and what analysts will double-check. */
    record Accepted(UUID incidentId, String status, Instant receivedAt,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                    @Schema(description = "Where the report lies in the intake's log; give it as atLeast to a GET on any "
                            + "instance to read this write back", example = "3-41") String position) {
    }

    static URI location(UUID incidentId) {
        return URI.create(PATH + "/" + incidentId);
    }

    @Operation(summary = "File an incident report",
            description = "202 once the report is durably written to Kafka. Posting the same report again returns "
                    + "the same incidentId and publishes nothing; the same (finessEt, declarantReference) with "
                    + "different content is a 409.")
    @ApiResponse(responseCode = "202", description = "Accepted: durably written to Kafka, or recognised as a repeat "
            + "of an accepted report (same incidentId and receivedAt, nothing written).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentReportRequest.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Accepted> report(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                    HttpServletRequest http) throws IOException {
        Caller key = apiKeys.authenticate(authorization);
        rateLimits.take(key);
        IncidentReportRequest request = reader.read(BoundedBody.read(http, properties.maxBodySize()));
        ApiKeys.authorize(key, request.establishment().finessEt());

        Receipt receipt = intake.accept(request, Finess.warnings(request.establishment()));
        Acceptances.log(receipt.incidentId(), receipt.revision(), receipt.repeat());

        String outcome = receipt.repeat() ? "repeat" : "accepted";
        meters.counter("psig.intake.reports", "outcome", outcome, "reason", "none").increment();
        return ResponseEntity.accepted().location(location(receipt.incidentId()))
                .body(new Accepted(receipt.incidentId(), "ACCEPTED", receipt.receivedAt(), receipt.warnings(),
                        receipt.position().token()));
    }
}
