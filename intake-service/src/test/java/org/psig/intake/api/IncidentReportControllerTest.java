package org.psig.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psig.intake.auth.ApiKeys;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.publish.KafkaUnavailableException;
import org.psig.intake.publish.ReportPublisher;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.ReportTimes;
import org.psig.schemas.IncidentReported;
import org.psig.testsupport.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = IncidentReportController.class, properties = "spring.config.name=intake-service")
@ActiveProfiles("local")
@Import({ApiKeys.class, ReportValidator.class, IncidentReportControllerTest.Fixtures.class})
class IncidentReportControllerTest {

    private static final String DEMO_KEY = "Bearer local-demo-key";
    private static final String SAMPLE = Samples.report("ransomware-hospital-bretagne");

    @TestConfiguration
    @EnableConfigurationProperties(IntakeProperties.class)
    static class Fixtures {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        ReportTimes reportTimes(Clock clock, IntakeProperties properties) {
            return new ReportTimes(clock, properties.allowedClockSkew());
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportPublisher publisher;

    private ResultActions postReport(String body) throws Exception {
        return mvc.perform(post("/api/v1/incident-reports").header("Authorization", DEMO_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static Stream<String> samples() {
        return Samples.NAMES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldAcceptEveryReferenceSampleAsItIs(String sample) throws Exception {
        postReport(Samples.report(sample))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-28T12:00:00Z"))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/incident-reports/")));
        verify(publisher).publish(any(IncidentReported.class));
    }

    @Test
    void shouldDeriveTheIncidentIdFromSiteAndDeclarantReference() throws Exception {
        String expected = IncidentIds.of("350100426", "KER-2026-0042").toString();

        postReport(SAMPLE).andExpect(jsonPath("$.incidentId").value(expected));
        postReport(SAMPLE).andExpect(jsonPath("$.incidentId").value(expected));
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of("missing declarantReference", SAMPLE.replace("\"declarantReference\": \"KER-2026-0042\",", ""), "/declarantReference"),
                Arguments.of("blank summary", SAMPLE.replace("\"summary\": \"Rançongiciel sur les serveurs du DPI\"", "\"summary\": \"  \""), "/incident/summary"),
                Arguments.of("FINESS too short", SAMPLE.replace("\"finessEt\": \"350100426\"", "\"finessEt\": \"3501004\""), "/establishment/finessEt"),
                Arguments.of("FINESS with letters", SAMPLE.replace("\"finessEt\": \"350100426\"", "\"finessEt\": \"35O100426\""), "/establishment/finessEt"),
                Arguments.of("unknown category", SAMPLE.replace("\"RANSOMWARE\"", "\"CRYPTOLOCKER\""), "/incident/category"),
                Arguments.of("unknown establishment type", SAMPLE.replace("\"type\": \"ES\"", "\"type\": \"HOSPITAL\""), "/establishment/type"),
                Arguments.of("detectedAt without offset", SAMPLE.replace("2026-11-27T06:40:00+01:00", "2026-11-27T06:40:00"), "/incident/detectedAt"),
                Arguments.of("detectedAt in the future", SAMPLE.replace("2026-11-27T06:40:00+01:00", "2027-01-01T00:00:00+01:00"), "/incident/detectedAt"),
                Arguments.of("startedAt after detectedAt", SAMPLE.replace("2026-11-27T03:10:00+01:00", "2026-11-27T07:00:00+01:00"), "/incident/startedAt"),
                Arguments.of("invalid email", SAMPLE.replace("rssi@example.org", "not-an-address"), "/declarant/email"),
                Arguments.of("impact flag missing", SAMPLE.replace("\"spreadRisk\": true", "\"spreadRisk\": null"), "/impacts/spreadRisk"),
                Arguments.of("boolean as text", SAMPLE.replace("\"dataIntegrity\": true", "\"dataIntegrity\": \"maybe\""), "/impacts/dataIntegrity"),
                Arguments.of("unknown field", SAMPLE.replace("\"declarantReference\"", "\"declarantRefrence\": \"x\", \"declarantReference\""), "/declarantRefrence"),
                Arguments.of("unknown affected system", SAMPLE.replace("\"PACS\"", "\"PACS\"").replace("\"IMAGING\"", "\"XRAY\""), "/incident/affectedSystems/1"),
                Arguments.of("impacts missing", SAMPLE.substring(0, SAMPLE.indexOf(",\n  \"impacts\"")) + "\n}", "/impacts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void shouldRejectABadReportNamingTheField(String caseName, String body, String pointer) throws Exception {
        postReport(body)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:invalid-report"))
                .andExpect(jsonPath("$.errors[*].pointer", org.hamcrest.Matchers.hasItem(pointer)));
        verify(publisher, never()).publish(any());
    }

    @Test
    void shouldListEveryInvalidFieldAtOnce() throws Exception {
        String body = SAMPLE.replace("rssi@example.org", "nope").replace("\"finessEt\": \"350100426\"", "\"finessEt\": \"1\"");

        postReport(body).andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblemAndNoStackTrace() throws Exception {
        String response = postReport("{\"declarantReference\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:malformed-body"))
                .andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void shouldRefuseAReportWithoutKey() throws Exception {
        mvc.perform(post("/api/v1/incident-reports").contentType(MediaType.APPLICATION_JSON).content(SAMPLE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:unauthenticated"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void shouldRefuseAnUnknownKey() throws Exception {
        mvc.perform(post("/api/v1/incident-reports").header("Authorization", "Bearer guessed-key")
                        .contentType(MediaType.APPLICATION_JSON).content(SAMPLE))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void shouldAnswerUnsupportedContentTypeWith415() throws Exception {
        mvc.perform(post("/api/v1/incident-reports").header("Authorization", DEMO_KEY)
                        .contentType(MediaType.TEXT_PLAIN).content(SAMPLE))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:unsupported-request"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        doThrow(new KafkaUnavailableException("timeout", null)).when(publisher).publish(any());

        postReport(SAMPLE)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:temporarily-unavailable"));
    }
}
