package org.psig.correlation.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign rules CERT Santé asked for (docs/correlation-rules.md is rendered from them). They
 * are disjoint where they would otherwise count one outage twice: an accidental provider or telecom
 * failure belongs to {@code provider-outage} only.
 */
public final class CorrelationRules {

    /** Bumped whenever a rule changes: it is in the document analysts read. */
    public static final String VERSION = "correlation-2026.12";

    static final Set<String> OUTAGE_CATEGORIES = Set.of("PROVIDER_FAILURE", "TELECOM_LOSS");

    public static final CorrelationRule PROVIDER_OUTAGE = new CorrelationRule("provider-outage",
            "category is PROVIDER_FAILURE or TELECOM_LOSS and `incident.provider` is named",
            "category and provider (normalised), in any region", Duration.ofHours(6), 3,
            sighting -> OUTAGE_CATEGORIES.contains(sighting.category())
                    ? ProviderName.normalise(sighting.provider()).map(provider -> sighting.category() + "|" + provider)
                    : Optional.empty());

    public static final CorrelationRule SHARED_PROVIDER = new CorrelationRule("shared-provider",
            "`incident.provider` is named and the category is not an outage of provider-outage",
            "provider (normalised), in any region", Duration.ofHours(72), 3,
            sighting -> OUTAGE_CATEGORIES.contains(sighting.category())
                    ? Optional.empty()
                    : ProviderName.normalise(sighting.provider()));

    public static final CorrelationRule REGIONAL_MALICIOUS_WAVE = new CorrelationRule("regional-malicious-wave",
            "maliciousness is MALICIOUS and an ARS covers the site",
            "ARS region and category", Duration.ofHours(24), 3,
            sighting -> "MALICIOUS".equals(sighting.maliciousness()) && sighting.regionCode() != null
                    ? Optional.of(sighting.regionCode() + "|" + sighting.category())
                    : Optional.empty());

    public static final List<CorrelationRule> DEFAULTS = List.of(PROVIDER_OUTAGE, SHARED_PROVIDER, REGIONAL_MALICIOUS_WAVE);

    private CorrelationRules() {
    }
}
