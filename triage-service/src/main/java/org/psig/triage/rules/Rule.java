package org.psig.triage.rules;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One row of a rule table: when {@code applies} holds, the outcome is {@code then}, explained by
 * {@code reason}. {@code when} is the condition as an analyst reads it in docs/triage-rules.md.
 */
record Rule<I, T>(String when, T then, Predicate<I> applies, Function<I, String> reason) {

    static <I, T> Rule<I, T> rule(String when, T then, Predicate<I> applies, Function<I, String> reason) {
        return new Rule<>(when, then, applies, reason);
    }

    static <I, T> Rule<I, T> rule(String when, T then, Predicate<I> applies, String reason) {
        return new Rule<>(when, then, applies, input -> reason);
    }

    static <I, T> Rule<I, T> otherwise(T then, String reason) {
        return new Rule<>("otherwise", then, input -> true, input -> reason);
    }

    static <I, T> Rule<I, T> otherwise(T then, Function<I, String> reason) {
        return new Rule<>("otherwise", then, input -> true, reason);
    }
}
