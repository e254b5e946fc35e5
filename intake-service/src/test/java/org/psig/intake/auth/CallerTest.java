package org.psig.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.intake.config.IntakeProperties.ApiKey;
import org.psig.intake.config.IntakeProperties.LegalEntity;

/** The sites a key reaches, from what it names and the legal entities configured. */
class CallerTest {

    /** The CHU's legal entity has two sites; the EHPAD group's, one. */
    private static final List<LegalEntity> ENTITIES = List.of(
            new LegalEntity("350100434", List.of("350100426", "350100442")),
            new LegalEntity("130000011", List.of("130800915")));

    @ParameterizedTest(name = "key for [{0}] reaches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            350100426            | 350100426 | true
            350100426            | 350100442 | false
            350100434            | 350100426 | true
            350100434            | 350100442 | true
            350100434            | 350002812 | false
            350100434            | 350100434 | false
            350100434 130800915  | 130800915 | true
            999999999            | 999999999 | true
            *                    | 971000001 | true
            """)
    void shouldReachItsSitesAndTheListedSitesOfItsEntitiesOnly(String establishments, String site, boolean covered) {
        ApiKey key = new ApiKey("key", "0".repeat(64), Arrays.asList(establishments.split(" ")));

        assertThat(Caller.of(key, ENTITIES).covers(site)).isEqualTo(covered);
    }
}
