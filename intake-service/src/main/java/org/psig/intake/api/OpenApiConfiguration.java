package org.psig.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
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

    private static final Map<String, String> ERRORS = errors();

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

    @Bean
    OpenApiCustomizer samplesAndProblems() {
        JsonMapper json = JsonMapper.builder().build();
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            ERRORS.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                    .description(description).content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))))));
            if (operation.getRequestBody() != null) {
                MediaType body = operation.getRequestBody().getContent().get("application/json");
                SAMPLES.forEach(sample -> body.addExamples(sample, new Example().summary(sample).value(read(json, sample))));
            }
        }));
    }

    private static Object read(JsonMapper json, String sample) {
        try (InputStream in = new ClassPathResource("openapi/samples/" + sample + ".json").getInputStream()) {
            return json.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException("sample " + sample + " is missing from the jar", e);
        }
    }
}
