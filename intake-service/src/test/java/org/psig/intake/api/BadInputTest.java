package org.psig.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.psig.intake.api.Bodies.quoted;
import static org.psig.intake.api.Bodies.with;
import static org.psig.intake.api.Bodies.without;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input of every kind: each answered with the right 4xx, this API's problem type, the invalid
 * field's JSON pointer where there is one, and nothing published.
 */
class BadInputTest extends IntakeWebTestBase {

    private static final String INVALID = "urn:psig:problem:invalid-report";
    private static final String MALFORMED = "urn:psig:problem:malformed-body";

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // The body cannot be read at all.
                bad("not JSON", json("incident: ransomware"), 400, MALFORMED, null),
                bad("truncated JSON", json(SAMPLE.substring(0, SAMPLE.length() / 2)), 400, MALFORMED, null),
                bad("empty body", json(""), 400, MALFORMED, null),
                bad("a JSON array", json("[" + SAMPLE + "]"), 400, MALFORMED, null),
                bad("a JSON string", json("\"report\""), 400, MALFORMED, null),
                bad("the JSON null literal", json("null"), 400, MALFORMED, null),
                bad("a field twice", json(SAMPLE.replaceFirst("\\{", "{\"declarantReference\": \"A\",")), 400, MALFORMED, null),
                bad("invalid UTF-8", raw(invalidUtf8(), MediaType.APPLICATION_JSON), 400, MALFORMED, null),
                bad("nesting 10,000 deep", json(SAMPLE.replaceFirst("\\{", "{\"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + ",")), 400, MALFORMED, null),
                bad("garbage after the object", json(SAMPLE + " {}"), 400, MALFORMED, null),
                bad("a 1,000-digit number", json(SAMPLE.replace("\"spreadRisk\": true", "\"spreadRisk\": " + "1".repeat(1000))), 400, MALFORMED, null),
                // Unknown fields and wrong JSON types.
                bad("unknown top-level field", json(with(SAMPLE, "/declarantRefrence", "\"x\"")), 400, INVALID, "/declarantRefrence"),
                bad("unknown nested field", json(with(SAMPLE, "/establishment/finesEt", "\"350100426\"")), 400, INVALID, "/establishment/finesEt"),
                bad("establishment as a string", json(with(SAMPLE, "/establishment", "\"CH Kerlann\"")), 400, INVALID, "/establishment"),
                bad("boolean as text", json(with(SAMPLE, "/impacts/dataIntegrity", "\"true\"")), 400, INVALID, "/impacts/dataIntegrity"),
                bad("boolean as a number", json(with(SAMPLE, "/impacts/dataConfidentiality", "0")), 400, INVALID, "/impacts/dataConfidentiality"),
                bad("enum as a number", json(with(SAMPLE, "/impacts/functioning", "1")), 400, INVALID, "/impacts/functioning"),
                bad("string as a number", json(with(SAMPLE, "/declarantReference", "42")), 400, INVALID, "/declarantReference"),
                bad("affected systems not an array", json(with(SAMPLE, "/incident/affectedSystems", "\"IMAGING\"")), 400, INVALID, "/incident/affectedSystems"),
                bad("actions flag as French text", json(with(SAMPLE, "/actions/cnilNotified", "\"oui\"")), 400, INVALID, "/actions/cnilNotified"),
                bad("provider as an object", json(with(SAMPLE, "/incident/provider", "{\"name\": \"X\"}")), 400, INVALID, "/incident/provider"),
                // Unknown enum values.
                bad("unknown category", json(with(SAMPLE, "/incident/category", "\"CRYPTOLOCKER\"")), 400, INVALID, "/incident/category"),
                bad("lower-case establishment type", json(with(SAMPLE, "/establishment/type", "\"es\"")), 400, INVALID, "/establishment/type"),
                bad("unknown declared origin", json(with(SAMPLE, "/incident/declaredOrigin", "\"HACKERS\"")), 400, INVALID, "/incident/declaredOrigin"),
                bad("unknown status", json(with(SAMPLE, "/incident/status", "\"CLOSED\"")), 400, INVALID, "/incident/status"),
                bad("unknown care safety", json(with(SAMPLE, "/impacts/careSafety", "\"SEVERE\"")), 400, INVALID, "/impacts/careSafety"),
                bad("unknown affected system", json(with(SAMPLE, "/incident/affectedSystems/1", "\"XRAY\"")), 400, INVALID, "/incident/affectedSystems/1"),
                // Missing required fields.
                bad("missing declarantReference", json(without(SAMPLE, "/declarantReference")), 400, INVALID, "/declarantReference"),
                bad("missing site FINESS", json(without(SAMPLE, "/establishment/finessEt")), 400, INVALID, "/establishment/finessEt"),
                bad("missing declarant", json(without(SAMPLE, "/declarant")), 400, INVALID, "/declarant"),
                bad("missing declarant email", json(without(SAMPLE, "/declarant/email")), 400, INVALID, "/declarant/email"),
                bad("missing detectedAt", json(without(SAMPLE, "/incident/detectedAt")), 400, INVALID, "/incident/detectedAt"),
                bad("missing impacts", json(without(SAMPLE, "/impacts")), 400, INVALID, "/impacts"),
                bad("impact flag null", json(with(SAMPLE, "/impacts/spreadRisk", "null")), 400, INVALID, "/impacts/spreadRisk"),
                // Bounds and formats.
                bad("blank declarantReference", json(with(SAMPLE, "/declarantReference", "\"   \"")), 400, INVALID, "/declarantReference"),
                bad("declarantReference of 65 characters", json(with(SAMPLE, "/declarantReference", quoted("R".repeat(65)))), 400, INVALID, "/declarantReference"),
                bad("declarantReference with a line break", json(with(SAMPLE, "/declarantReference", "\"KER\\n42\"")), 400, INVALID, "/declarantReference"),
                bad("FINESS too short", json(with(SAMPLE, "/establishment/finessEt", "\"3501004\"")), 400, INVALID, "/establishment/finessEt"),
                bad("FINESS with a letter O", json(with(SAMPLE, "/establishment/finessEt", "\"35O100426\"")), 400, INVALID, "/establishment/finessEt"),
                bad("FINESS of a 2C department", json(with(SAMPLE, "/establishment/finessEt", "\"2C0000001\"")), 400, INVALID, "/establishment/finessEt"),
                bad("legal entity FINESS of 10 digits", json(with(SAMPLE, "/establishment/finessEj", "\"3501004340\"")), 400, INVALID, "/establishment/finessEj"),
                bad("blank establishment name", json(with(SAMPLE, "/establishment/name", "\"\"")), 400, INVALID, "/establishment/name"),
                bad("establishment name of 201 characters", json(with(SAMPLE, "/establishment/name", quoted("N".repeat(201)))), 400, INVALID, "/establishment/name"),
                bad("FINESS category of 4 digits", json(with(SAMPLE, "/establishment/finessCategory", "\"5000\"")), 400, INVALID, "/establishment/finessCategory"),
                bad("email without @", json(with(SAMPLE, "/declarant/email", "\"rssi.example.org\"")), 400, INVALID, "/declarant/email"),
                bad("email without a domain", json(with(SAMPLE, "/declarant/email", "\"rssi@localhost\"")), 400, INVALID, "/declarant/email"),
                bad("phone with letters", json(with(SAMPLE, "/declarant/phone", "\"call me\"")), 400, INVALID, "/declarant/phone"),
                bad("detectedAt without offset", json(with(SAMPLE, "/incident/detectedAt", "\"2026-11-27T06:40:00\"")), 400, INVALID, "/incident/detectedAt"),
                bad("detectedAt as a date only", json(with(SAMPLE, "/incident/detectedAt", "\"2026-11-27\"")), 400, INVALID, "/incident/detectedAt"),
                bad("detectedAt in the future", json(with(SAMPLE, "/incident/detectedAt", "\"2026-11-28T13:30:00+01:00\"")), 400, INVALID, "/incident/detectedAt"),
                bad("startedAt after detectedAt", json(with(SAMPLE, "/incident/startedAt", "\"2026-11-27T07:00:00+01:00\"")), 400, INVALID, "/incident/startedAt"),
                bad("summary of 201 characters", json(with(SAMPLE, "/incident/summary", quoted("S".repeat(201)))), 400, INVALID, "/incident/summary"),
                bad("empty description", json(with(SAMPLE, "/incident/description", "\"\"")), 400, INVALID, "/incident/description"),
                bad("description of 10,001 characters", json(with(SAMPLE, "/incident/description", quoted("D".repeat(10_001)))), 400, INVALID, "/incident/description"),
                // Characters a declarant cannot type (TextRulesTest has them all).
                bad("establishment name holding NUL", json(with(SAMPLE, "/establishment/name", "\"CH\\u0000Kerlann\"")), 400, INVALID, "/establishment/name"),
                bad("establishment name holding a terminal escape", json(with(SAMPLE, "/establishment/name", "\"\\u001b[31mCH Kerlann\"")), 400, INVALID, "/establishment/name"),
                bad("declarantReference holding a right-to-left override", json(with(SAMPLE, "/declarantReference", "\"KER-\\u202e2400\"")), 400, INVALID, "/declarantReference"),
                bad("declarant name holding a bidirectional isolate", json(with(SAMPLE, "/declarant/name", "\"\\u2067Jeanne\"")), 400, INVALID, "/declarant/name"),
                bad("provider holding a C1 control", json(with(SAMPLE, "/incident/provider", "\"Hostix\\u009b31m\"")), 400, INVALID, "/incident/provider"),
                bad("summary holding a line break", json(with(SAMPLE, "/incident/summary", "\"Rançongiciel\\nsur le SIH\"")), 400, INVALID, "/incident/summary"),
                bad("description holding NUL", json(with(SAMPLE, "/incident/description", "\"Chiffrement\\u0000\"")), 400, INVALID, "/incident/description"),
                // Wrong use of HTTP.
                bad("text/plain body", raw(SAMPLE.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN), 415, "urn:psig:problem:unsupported-media-type", null),
                bad("form body", raw("a=b".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_FORM_URLENCODED), 415, "urn:psig:problem:unsupported-media-type", null),
                bad("no content type", authorised(post(PATH).content(SAMPLE)), 415, "urn:psig:problem:unsupported-media-type", null),
                bad("body over 64 KiB", json(with(SAMPLE, "/incident/description", quoted("D".repeat(70_000)))), 413, "urn:psig:problem:body-too-large", null),
                bad("only HTML accepted", authorised(post(PATH).contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML).content(SAMPLE)), 406, "urn:psig:problem:not-acceptable", null),
                bad("PUT instead of POST", authorised(put(PATH).contentType(MediaType.APPLICATION_JSON).content(SAMPLE)), 405, "urn:psig:problem:method-not-allowed", null),
                bad("a path that does not exist", authorised(post("/api/v2/incident-reports").contentType(MediaType.APPLICATION_JSON).content(SAMPLE)), 404, "urn:psig:problem:not-found", null),
                bad("a report id that is not a UUID", authorised(get(PATH + "/not-a-uuid")), 400, "urn:psig:problem:bad-request", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void shouldAnswerTheRightProblemAndPublishNothing(RequestBuilder request, int status, String type, String pointer)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertThat(response.getStatus()).as("status").isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (pointer != null) {
            assertThat(problem.get("errors").findValuesAsString("pointer")).contains(pointer);
        }
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Exception").doesNotContain("jackson").doesNotContain("org.psig").doesNotContain("\tat ");
        verify(publisher, never()).publish(any(), anyLong());
    }

    private static Arguments bad(String name, RequestBuilder request, int status, String type, String pointer) {
        return Arguments.of(Named.of(name, request), status, type, pointer);
    }

    private static RequestBuilder json(String body) {
        return authorised(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static RequestBuilder raw(byte[] body, MediaType type) {
        return authorised(post(PATH).contentType(type).content(body));
    }

    private static RequestBuilder authorised(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", DEMO_KEY);
    }

    private static byte[] invalidUtf8() {
        byte[] sample = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(sample, sample.length);
        int at = SAMPLE.indexOf("Kerlann");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;
        return body;
    }
}
