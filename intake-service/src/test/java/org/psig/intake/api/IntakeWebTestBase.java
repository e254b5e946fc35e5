package org.psig.intake.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.psig.intake.auth.ApiKeys;
import org.psig.intake.auth.RateLimits;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.memory.ReportIndex;
import org.psig.intake.memory.RecordReader;
import org.psig.intake.publish.ReportIntake;
import org.psig.intake.publish.ReportPublisher;
import org.psig.intake.publish.ReportUpdates;
import org.psig.intake.status.IncidentTimeline;
import org.psig.intake.status.StatusView;
import org.psig.testsupport.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The web layer with the real reader, keys, rate limits and intake logic; only Kafka is replaced:
 * the publisher (so a test can see that nothing was published), the memory of past reports, the
 * reader of past revisions and what the topics say became of each report.
 */
@WebMvcTest(controllers = {IncidentReportController.class, IncidentUpdateController.class,
        IncidentStatusController.class}, properties = {
        "spring.config.name=intake-service",
        "psig.intake.rate-limit.per-second=100000",
        "psig.intake.rate-limit.burst=100000",
        "psig.intake.api-keys[0].name=local-demo",
        "psig.intake.api-keys[0].sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "psig.intake.api-keys[0].establishments[0]=*",
        "psig.intake.api-keys[1].name=bretagne-site",
        "psig.intake.api-keys[1].sha256=9bbe142a89da7547d7e9955c674507e7bea0324d0f6dea9a82d51aaa5e840599",
        "psig.intake.api-keys[1].establishments[0]=350100426",
        "psig.intake.api-keys[2].name=bretagne-ej",
        "psig.intake.api-keys[2].sha256=df195d8f06930d14a25a3abc7fb96a8191a2a22ac7699b174af52cd5ec0d421a",
        "psig.intake.api-keys[2].establishments[0]=350100434",
        "psig.intake.api-keys[3].name=paca",
        "psig.intake.api-keys[3].sha256=16aec4ba1256d96ad56ff2ede8ff1b285c3e3507cc89b250b1ecfda74dfb1350",
        "psig.intake.api-keys[3].establishments[0]=130800915",
        "psig.intake.legal-entities[0].finess-ej=350100434",
        "psig.intake.legal-entities[0].sites[0]=350100426",
        "psig.intake.legal-entities[0].sites[1]=350100442"})
@Import({ApiKeys.class, RateLimits.class, ReportReader.class, ReportIntake.class, ReportUpdates.class, StatusView.class,
        IntakeWebFixtures.class})
abstract class IntakeWebTestBase {

    static final String PATH = "/api/v1/incident-reports";
    static final String DEMO_KEY = "Bearer local-demo-key";
    static final String SAMPLE = Samples.report("ransomware-hospital-bretagne");
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    ReportPublisher publisher;

    @MockitoBean
    ReportIndex index;

    @MockitoBean
    RecordReader records;

    @MockitoBean
    IncidentTimeline timeline;

    @BeforeEach
    void noReportKnownYet() {
        meters.clear();
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(0, 0));
        // The memory's own reading of the log's order, on the stubbed find and awaitRead.
        when(index.writtenBefore(any(), any(), anyInt(), anyLong())).thenCallRealMethod();
    }

    ResultActions postReport(String body) throws Exception {
        return postReport(body, DEMO_KEY);
    }

    ResultActions postReport(String body, String authorization) throws Exception {
        return mvc.perform(post(PATH).header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
