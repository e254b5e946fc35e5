package org.psig.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psig.testsupport.RegistryExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the intake serves says what contract v1 says: the same fields, the same
 * required ones, the same enum values. Generated from the code, so the code cannot drift either.
 */
@ExtendWith(RegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT {

    private static final String CONTRACT = "contract/incident-report-v1.md";
    private static final String LIFECYCLE = "contract/incident-report-v1-lifecycle.md";
    private IntakeInstance intake;
    private JsonNode document;

    @BeforeAll
    void fetchTheDocument() throws Exception {
        intake = IntakeInstance.start(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        var response = intake.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        document = JsonMapper.builder().build().readTree(response.body());
    }

    @AfterAll
    void stop() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    void shouldDescribeEveryFieldOfTheContractAndNoOther() throws Exception {
        Map<String, FieldSpec> contract = ContractFields.parse(contract());

        assertThat(contract).as("fields read from the contract").hasSize(32).containsKey("impacts.spreadRisk");
        assertThat(OpenApiFields.of(document).keySet()).isEqualTo(contract.keySet());
    }

    /** The updates endpoint: the addendum's fields, incident fields it names, v1's impacts and actions. */
    @Test
    void shouldDescribeEveryFieldOfAnUpdateAsTheLifecycleAddendumDoes() throws Exception {
        Map<String, FieldSpec> addendum = ContractFields.parseUpdate(read(LIFECYCLE), ContractFields.parse(contract()));
        Map<String, FieldSpec> served = OpenApiFields.of(document,
                "/paths/~1api~1v1~1incident-reports~1{incidentId}~1updates/post");

        assertThat(addendum).as("fields read from the addendum").containsKeys("revision", "note", "incident.status",
                "impacts.spreadRisk", "actions.cnilNotified", "resolution.resolvedAt", "resolution.measures")
                .doesNotContainKeys("incident.detectedAt", "establishment.finessEt");
        assertThat(served).isEqualTo(addendum);
        assertThat(document.at("/paths/~1api~1v1~1incident-reports~1{incidentId}~1updates/post/requestBody/content/"
                + "application~1json/examples").propertyNames()).contains("update-breach-found", "update-closure");
    }

    @Test
    void shouldRequireWhatTheContractRequires() throws Exception {
        assertThat(required(OpenApiFields.of(document))).isEqualTo(required(ContractFields.parse(contract())));
    }

    @Test
    void shouldListTheContractsEnumValues() throws Exception {
        Map<String, Set<String>> served = new TreeMap<>();
        OpenApiFields.of(document).forEach((field, spec) -> served.put(field, spec.enumValues()));
        Map<String, Set<String>> contract = new TreeMap<>();
        ContractFields.parse(contract()).forEach((field, spec) -> contract.put(field, spec.enumValues()));

        assertThat(served).isEqualTo(contract);
    }

    @Test
    void shouldOfferTheReferenceSamplesAsExamples() {
        JsonNode examples = document.at("/paths/~1api~1v1~1incident-reports/post/requestBody/content/application~1json/examples");

        assertThat(examples.propertyNames()).contains("ransomware-hospital-bretagne", "software-bug-wallis");
        assertThat(examples.at("/ransomware-hospital-bretagne/value/establishment/finessEt").asString()).isEqualTo("350100426");
    }

    @Test
    void shouldDocumentTheAcceptedAnswerAndTheProblems() {
        JsonNode responses = document.at("/paths/~1api~1v1~1incident-reports/post/responses");

        assertThat(responses.propertyNames()).contains("202", "400", "401", "403", "409", "413", "415", "429", "503")
                .doesNotContain("200");
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
    }

    /**
     * An independent parser (swagger-parser, as client generators and validating proxies use) loads
     * the served document with every reference resolved, and finds nothing wrong in it.
     */
    @Test
    void shouldLoadInAnIndependentOpenApiValidatorWithEveryReferenceResolved() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(intake.get("/v3/api-docs").body(), null, options);

        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKey("ProblemDetail");
        Set<String> references = new TreeSet<>();
        Matcher ref = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(document.toString());
        while (ref.find()) {
            references.add(ref.group(1));
        }
        assertThat(references).contains("ProblemDetail");
        assertThat(result.getOpenAPI().getComponents().getSchemas().keySet()).containsAll(references);
    }

    @Test
    void shouldServeSwaggerUi() throws Exception {
        assertThat(intake.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    /** The copy in this module is the shared contract, where the shared folder sits beside the checkout. */
    @ParameterizedTest
    @ValueSource(strings = {CONTRACT, LIFECYCLE})
    void shouldHoldTheSharedContractAsItIs(String document) throws Exception {
        Path shared = Path.of("..", "..", "shared", document);
        Assumptions.assumeTrue(Files.isRegularFile(shared), "no shared folder beside this checkout");
        assertThat(read(document)).isEqualTo(Files.readString(shared, StandardCharsets.UTF_8));
    }

    private static Set<String> required(Map<String, FieldSpec> fields) {
        Set<String> required = new TreeSet<>();
        fields.forEach((field, spec) -> {
            if (spec.required()) {
                required.add(field);
            }
        });
        return required;
    }

    private static String contract() throws Exception {
        return read(CONTRACT);
    }

    private static String read(String document) throws Exception {
        try (InputStream in = OpenApiDocumentIT.class.getClassLoader().getResourceAsStream(document)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
