package org.psig.correlation.rules;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A campaign rule: incidents that share a key, from at least {@code minEstablishments} distinct
 * establishments whose detection times fit in one {@code window}, are one campaign. The campaign
 * stays open while members keep coming within the window of its first or last one.
 *
 * @param id stable name, part of every campaignId this rule produces
 * @param when which incidents the rule looks at, in words
 * @param sharedKey what the members share, in words
 * @param key the key of a sighting under this rule, empty when the rule does not apply to it
 */
public record CorrelationRule(String id, String when, String sharedKey, Duration window, int minEstablishments,
                              Function<Sighting, Optional<String>> key) {

    public CorrelationRule {
        if (minEstablishments < 2) {
            throw new IllegalArgumentException("A campaign needs at least two establishments, not " + minEstablishments);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rule's window must be positive: " + window);
        }
    }
}
