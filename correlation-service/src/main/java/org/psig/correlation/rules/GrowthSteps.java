package org.psig.correlation.rules;

import java.util.List;

/**
 * The member counts at which a growing campaign pages again: one page instead of forty. Opening and
 * closing always page; between steps a campaign only updates its record.
 */
public record GrowthSteps(List<Integer> counts) {

    public static final GrowthSteps DEFAULTS = new GrowthSteps(List.of(3, 5, 10, 20, 50, 100));

    public GrowthSteps {
        counts = List.copyOf(counts);
        for (int i = 1; i < counts.size(); i++) {
            if (counts.get(i) <= counts.get(i - 1)) {
                throw new IllegalArgumentException("Growth steps must increase: " + counts);
            }
        }
    }

    /** Whether reaching {@code members} from {@code lastAlerted} crosses a step. */
    boolean pages(int lastAlerted, int members) {
        return counts.stream().anyMatch(step -> step > lastAlerted && step <= members);
    }
}
