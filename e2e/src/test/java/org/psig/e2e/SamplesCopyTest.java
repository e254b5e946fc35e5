package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psig.testsupport.Samples;

/**
 * The tests use a copy of the contract's reference samples; where the contract's own folder sits
 * beside the checkout (as on the team's machines and in CI), the copy must not have drifted. The intake's
 * OpenAPI examples are checked against the tests' copy everywhere.
 */
class SamplesCopyTest {

    private static final Path CONTRACT_SAMPLES = Path.of("..", "..", "shared", "samples");

    static Stream<String> names() {
        return Samples.NAMES.stream();
    }

    static Stream<String> files() {
        return Stream.concat(Samples.NAMES.stream().map(name -> name + ".json"), Stream.of("expected-verdicts.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldMatchTheContractsReferenceSample(String file) throws IOException {
        assumeTrue(Files.isDirectory(CONTRACT_SAMPLES), "the contract's shared/samples is not beside this checkout");
        String name = file.replace(".json", "");
        String copy = name.equals("expected-verdicts") ? Samples.expectedVerdicts() : Samples.report(name);

        assertThat(copy).isEqualTo(Files.readString(CONTRACT_SAMPLES.resolve(file)));
    }

    /** The intake serves the samples as OpenAPI examples from its own jar. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void shouldServeTheReferenceSamplesAsOpenApiExamples(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/samples/" + name + ".json")) {
            assertThat(in).as("openapi/samples/" + name + ".json in the intake jar").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Samples.report(name));
        }
    }
}
