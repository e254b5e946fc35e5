package org.psig.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document served at {@code /v3/api-docs}: generated from the controller and the request
 * records, plus what annotations cannot say: the bearer key, the reference samples as examples and
 * the Problem Details every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final List<String> SAMPLES = List.of("ransomware-hospital-bretagne", "power-outage-ehpad-occitanie",
            "phishing-hospital-mayotte", "provider-outage-paris", "data-leak-esms-paca", "software-bug-wallis");
    /** Follow-ups and the closure of the ransomware sample, in revision order. */
    static final List<String> UPDATE_SAMPLES = List.of("update-breach-found", "update-second-site", "update-closure");

    static final String PROBLEM_DETAIL = "ProblemDetail";
    static final String FIELD_ERROR = "FieldError";
    private static final String COMPONENT = "#/components/schemas/";
    private static final Map<String, String> ERRORS = errors();
    /** What an operation without a body (a GET) can answer. */
    private static final List<String> READ_ERRORS = List.of("400", "401", "404", "429", "503");

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "urn:psig:problem:invalid-report (every invalid field with a JSON pointer) or "
                + "urn:psig:problem:malformed-body");
        errors.put("401", "urn:psig:problem:unauthenticated: no key, or an unknown key");
        errors.put("403", "urn:psig:problem:forbidden-establishment: the key does not cover this establishment");
        errors.put("404", "urn:psig:problem:not-found");
        errors.put("409", "urn:psig:problem:conflicting-report: the reference was used for different content; "
                + "names the existing incidentId and its updates endpoint; or urn:psig:problem:revision-conflict: "
                + "the revision does not follow the current one, or the incident is closed; names the currentRevision");
        errors.put("413", "urn:psig:problem:body-too-large");
        errors.put("415", "urn:psig:problem:unsupported-media-type: send application/json");
        errors.put("429", "urn:psig:problem:rate-limited, with Retry-After");
        errors.put("503", "urn:psig:problem:temporarily-unavailable: Kafka did not acknowledge in time; nothing "
                + "was accepted; with Retry-After");
        return errors;
    }

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("PSIG intake API").version("v1")
                        .description("Security-incident reports of health and medico-social establishments. "
                                + "Contract: incident-report-v1."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <api-key>; each key covers given FINESS ET or EJ numbers.")));
    }

    /** RFC 9457 Problem Details, with the extension members this API adds. */
    private static Schema<Object> problemDetail() {
        Schema<Object> problem = new ObjectSchema().description("RFC 9457 Problem Details; other members may appear.");
        problem.addProperty("type", new StringSchema().format("uri-reference")
                .description("A stable urn:psig:problem:<name> URN; see the README for the list"));
        problem.addProperty("title", new StringSchema().description("Short summary of the problem type"));
        problem.addProperty("status", new IntegerSchema().description("The HTTP status code"));
        problem.addProperty("detail", new StringSchema().description("What went wrong with this request"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").description("The request path"));
        problem.addProperty("errors", new ArraySchema().items(new Schema<>().$ref(COMPONENT + FIELD_ERROR))
                .description("invalid-report: every invalid field"));
        problem.addProperty("incidentId", new StringSchema().format("uuid")
                .description("conflicting-report, revision-conflict: the incident concerned"));
        problem.addProperty("updates", new StringSchema()
                .description("conflicting-report: where to post a follow-up of the incident"));
        problem.addProperty("currentRevision", new IntegerSchema()
                .description("revision-conflict: the incident's current revision"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    private static Schema<Object> fieldError() {
        Schema<Object> error = new ObjectSchema().description("One invalid field of a request");
        error.addProperty("pointer", new StringSchema()
                .description("RFC 6901 JSON pointer to the field in the body, or ?<name> for a query parameter"));
        error.addProperty("detail", new StringSchema().description("What is wrong with it"));
        error.setRequired(List.of("pointer", "detail"));
        return error;
    }

    @Bean
    OpenApiCustomizer samplesAndProblems() {
        JsonMapper json = JsonMapper.builder().build();
        return openApi -> {
            // Added once the schemas of the models are generated: springdoc replaces them before.
            openApi.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM_DETAIL, problemDetail());
            openApi.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> document(path, operation, json)));
        };
    }

    private static void document(String path, Operation operation, JsonMapper json) {
        ERRORS.forEach((status, description) -> {
            if (operation.getRequestBody() != null || READ_ERRORS.contains(status)) {
                operation.getResponses().putIfAbsent(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref(COMPONENT + PROBLEM_DETAIL)))));
            }
        });
        if (operation.getRequestBody() != null) {
            MediaType body = operation.getRequestBody().getContent().get("application/json");
            (path.endsWith("/updates") ? UPDATE_SAMPLES : SAMPLES).forEach(sample ->
                    body.addExamples(sample, new Example().summary(sample).value(read(json, sample))));
        }
    }

    private static Object read(JsonMapper json, String sample) {
        try (InputStream in = new ClassPathResource("openapi/samples/" + sample + ".json").getInputStream()) {
            return json.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException("sample " + sample + " is missing from the jar", e);
        }
    }
}
