package org.psig.intake.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.psig.intake.auth.ApiKeys;
import org.psig.intake.auth.Caller;
import org.psig.intake.auth.RateLimits;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.publish.ReportIntake;
import org.psig.intake.publish.UnknownIncidentException;
import org.psig.intake.report.FieldError;
import org.psig.intake.report.InvalidFieldsException;
import org.psig.intake.status.IncidentList;
import org.psig.intake.status.IncidentStatus;
import org.psig.intake.status.StatusView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** What became of the reports a key filed: one report's status, and the list of them, page by page. */
@RestController
@SecurityRequirement(name = OpenApiConfiguration.API_KEY)
class IncidentStatusController {

    static final int MAX_LIMIT = 500;
    private static final String AT_LEAST = "A 202's position: answer once this instance has read that write (read your "
            + "own write on any instance; without it, a write another instance took a moment ago may not show yet)";

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;
    private final ReportIntake intake;
    private final StatusView statuses;

    IncidentStatusController(ApiKeys apiKeys, RateLimits rateLimits, ReportIntake intake, StatusView statuses) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.intake = intake;
        this.statuses = statuses;
    }

    @Operation(summary = "The status of a report this key filed",
            description = "Its current revision and state (ACCEPTED, TRIAGED, NOTIFIED, CLOSED), the latest verdict "
                    + "and every notification sent. 404 for an unknown id, and for a report of an establishment the "
                    + "key does not cover.")
    @GetMapping(path = IncidentReportController.PATH + "/{incidentId}",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<IncidentStatus> status(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                          String authorization, @PathVariable UUID incidentId,
                                          @Parameter(description = AT_LEAST) @RequestParam(required = false) String atLeast) {
        Caller key = apiKeys.authenticate(authorization);
        rateLimits.take(key);
        Optional<KnownReport.Position> position = atLeast(atLeast);
        KnownIncident known = intake.find(incidentId, position).filter(incident -> covers(key, incident))
                .orElseThrow(() -> new UnknownIncidentException(incidentId));
        return ResponseEntity.ok(statuses.of(known));
    }

    @Operation(summary = "The reports this key filed, newest first",
            description = "Each as its status without verdict.reasons; 'next' is the link to the following page, "
                    + "absent on the last one.")
    @GetMapping(path = IncidentReportController.PATH, produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<IncidentList> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @Parameter(description = "ISO-8601 date-time with offset; reports received since then")
                                      @RequestParam(required = false) String since,
                                      @Parameter(description = "1 to 500, 100 by default")
                                      @RequestParam(required = false, defaultValue = "100") String limit,
                                      @Parameter(description = "Where the page starts, as the previous page's next link gives it")
                                      @RequestParam(required = false) String cursor,
                                      @Parameter(description = AT_LEAST) @RequestParam(required = false) String atLeast) {
        Caller key = apiKeys.authenticate(authorization);
        rateLimits.take(key);
        Optional<KnownReport.Position> position = atLeast(atLeast);
        List<FieldError> errors = new ArrayList<>();
        Instant from = since(since, errors);
        int size = limit(limit, errors);
        Optional<IncidentList.Cursor> start = cursor == null ? Optional.empty() : IncidentList.Cursor.parse(cursor);
        if (cursor != null && start.isEmpty()) {
            errors.add(new FieldError("?cursor", "is not a cursor this API gave; use the next link of a page"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        IncidentList.Page page = IncidentList.page(intake.all(position), incident -> covers(key, incident), from, start, size);
        String next = page.nextCursor() == null ? null : UriComponentsBuilder.fromPath(IncidentReportController.PATH)
                .queryParamIfPresent("since", Optional.ofNullable(since)).queryParam("limit", size)
                .queryParam("cursor", page.nextCursor()).encode().build().toUriString();
        return ResponseEntity.ok(new IncidentList(statuses.of(page.incidents()), next));
    }

    private static Optional<KnownReport.Position> atLeast(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(KnownReport.Position.parse(token).orElseThrow(() -> new InvalidFieldsException(List.of(
                new FieldError("?atLeast", "is not a position this API gave; use the position of a 202")))));
    }

    private static boolean covers(Caller key, KnownIncident incident) {
        return key.covers(incident.first().finessEt());
    }

    private static Instant since(String since, List<FieldError> errors) {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("?since", "must be an ISO-8601 date-time with an offset, e.g. 2026-11-27T00:00:00Z"));
            return Instant.EPOCH;
        }
    }

    private static int limit(String limit, List<FieldError> errors) {
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as any other out-of-range value
        }
        errors.add(new FieldError("?limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return 1;
    }
}
