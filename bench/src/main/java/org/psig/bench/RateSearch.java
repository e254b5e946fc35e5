package org.psig.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The highest rate a system sustains, found the same way for the pipeline and the raw chain: rates
 * on a geometric ladder, each step at most {@link #FACTOR} times the one before, tried from the
 * lowest up until one is not sustained.
 */
final class RateSearch {

    static final double FACTOR = 1.25;

    /** A rate's trial: true if it was sustained. */
    @FunctionalInterface
    interface Trial {
        boolean sustained(double rate) throws Exception;
    }

    /** What the search found: every step tried, and the highest sustained (0 if none was). */
    record Found(List<Double> tried, double highestSustained) {
    }

    private RateSearch() {
    }

    /** From {@code lowest} to {@code highest}, both included, rounded to whole rates. */
    static List<Double> ladder(double lowest, double highest) {
        List<Double> rates = new ArrayList<>();
        for (double rate = lowest; rate < highest; rate *= FACTOR) {
            rates.add((double) Math.round(rate));
        }
        rates.add((double) Math.round(highest));
        return rates;
    }

    static Found search(List<Double> ladder, Trial trial) throws Exception {
        List<Double> tried = new ArrayList<>();
        double highest = 0;
        for (double rate : ladder) {
            tried.add(rate);
            if (!trial.sustained(rate)) {
                break;
            }
            highest = rate;
        }
        return new Found(List.copyOf(tried), highest);
    }
}
