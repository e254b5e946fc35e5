package org.psig.correlation.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in force and one tracker per rule. A sighting is looked at under every rule; each rule
 * that applies gives it a key, and all sightings of one rule and key meet in one place.
 */
public final class Correlation {

    private static final String SEPARATOR = "|";

    private final List<CorrelationRule> rules;
    private final Map<String, CampaignTracker> trackers = new LinkedHashMap<>();

    public Correlation(List<CorrelationRule> rules, GrowthSteps steps) {
        this.rules = List.copyOf(rules);
        rules.forEach(rule -> trackers.put(rule.id(), new CampaignTracker(rule, steps)));
    }

    public List<CorrelationRule> rules() {
        return rules;
    }

    /** One key per rule that applies: {@code <rule id>|<key under the rule>}. */
    public List<String> keys(Sighting sighting) {
        return rules.stream().flatMap(rule -> rule.key().apply(sighting).stream().map(key -> rule.id() + SEPARATOR + key))
                .toList();
    }

    /** The tracker of a key made by {@link #keys}; empty when its rule is no longer in force. */
    public Optional<CampaignTracker> tracker(String ruleKey) {
        return Optional.ofNullable(trackers.get(ruleOf(ruleKey)));
    }

    public static String ruleOf(String ruleKey) {
        return ruleKey.substring(0, ruleKey.indexOf(SEPARATOR));
    }

    public static String keyOf(String ruleKey) {
        return ruleKey.substring(ruleKey.indexOf(SEPARATOR) + 1);
    }
}
