package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.psig.testsupport.GeneratedSection;
import org.psig.triage.routing.ArsDirectory;

/**
 * docs/triage-rules.md shows analysts the rules the code applies: its generated section must be the
 * code's own rendering. After a rule change, rewrite it with
 * {@code mvn -pl triage-service test -Dtest=RulesDocumentTest -Dpsig.docs.write=true}.
 */
class RulesDocumentTest {

    static final Path DOCUMENT = Path.of("..", "docs", "triage-rules.md");

    private final String rendered = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS).describe();

    @Test
    void shouldMatchTheRulesTheCodeApplies() {
        GeneratedSection.assertMatches(DOCUMENT, "RulesDocumentTest", rendered);
    }

    @Test
    void shouldNameTheRulesetVersionTheDocumentDescribes() throws Exception {
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8)).contains("`" + TriageParameters.RULES_VERSION + "`");
    }

    @Test
    void shouldRenderEveryRuleOfEveryTable() {
        assertThat(rendered)
                .contains("| 6 | otherwise | NON_QUALIFIE |")
                .contains("| 5 | otherwise | UNDETERMINED |")
                .contains("| 10 | otherwise | LOW |")
                .contains("| 2 | otherwise | TLP:AMBER |")
                .contains("| HUMAN_ERROR | ACCIDENTAL | `rsit:availability=\"misconfiguration\"` |")
                .contains("| NIS2_EARLY_WARNING | `establishment.essentialOperator` is true | 24 h after detection |");
    }
}
