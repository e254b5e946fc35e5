package org.psig.correlation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.psig.testsupport.GeneratedSection;

/**
 * docs/correlation-rules.md shows analysts the rules the code applies: its generated section must be
 * the code's own rendering. After a rule change, rewrite it with
 * {@code mvn -pl correlation-service test -Dtest=RulesDocumentTest -Dpsig.docs.write=true}.
 */
class RulesDocumentTest {

    static final Path DOCUMENT = Path.of("..", "docs", "correlation-rules.md");

    private final String rendered = RulesDocument.markdown(CorrelationRules.DEFAULTS, GrowthSteps.DEFAULTS);

    @Test
    void shouldMatchTheRulesTheCodeApplies() {
        GeneratedSection.assertMatches(DOCUMENT, "RulesDocumentTest", rendered);
    }

    @Test
    void shouldRenderEveryRuleWithItsWindowAndQuorum() {
        assertThat(rendered)
                .contains("| `provider-outage` | category is PROVIDER_FAILURE or TELECOM_LOSS")
                .contains("| 6 h | 3 distinct establishments (FINESS ET) |")
                .contains("| 72 h |")
                .contains("| `regional-malicious-wave` | maliciousness is MALICIOUS and an ARS covers the site | ARS region and category | 24 h |")
                .contains("reach 3, 5, 10, 20, 50, 100");
    }
}
