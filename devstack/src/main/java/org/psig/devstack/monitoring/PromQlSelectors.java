package org.psig.devstack.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The series selectors of a PromQL expression ({@code name{matchers}}), so that each can be asked
 * of Prometheus on its own: an alert's whole expression rightly returns nothing while all is well,
 * but a selector that matches no series means the alert watches a metric that does not exist.
 *
 * <p>A small scanner, not a parser: it knows what our rules use (functions, aggregations with
 * {@code by}/{@code without}, binary operators and vector matching, ranges and subqueries, offsets,
 * strings, numbers and durations).
 */
public final class PromQlSelectors {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "atan2", "inf", "nan");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQlSelectors() {
    }

    public static Set<String> of(String expression) {
        Set<String> selectors = new LinkedHashSet<>();
        String text = expression;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
            } else if (c == '[') {
                i = text.indexOf(']', i) + 1;
            } else if (c == '{') {
                int end = matchers(text, i);
                selectors.add(text.substring(i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i = skipNumber(text, i);
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = i;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(i, end);
                int next = skipSpaces(text, end);
                boolean call = next < text.length() && text.charAt(next) == '('
                        // sum by (x) (...): the aggregation's clause comes before its argument.
                        || AGGREGATIONS.contains(name.toLowerCase()) && text.startsWith("by", next)
                        || AGGREGATIONS.contains(name.toLowerCase()) && text.startsWith("without", next);
                if (LABEL_LISTS.contains(name.toLowerCase()) && call) {
                    i = text.indexOf(')', next) + 1;
                } else if (name.equalsIgnoreCase("offset")) {
                    i = skipNumber(text, next);
                } else if (call || KEYWORDS.contains(name.toLowerCase())) {
                    i = end;
                } else if (next < text.length() && text.charAt(next) == '{') {
                    int close = matchers(text, next);
                    selectors.add(name + text.substring(next, close));
                    i = close;
                } else {
                    selectors.add(name);
                    i = end;
                }
            } else {
                i++;
            }
        }
        return selectors;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Numbers, and durations such as 5m or 1h30m. */
    private static int skipNumber(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int skipString(String text, int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** The end of the matcher block opening at {@code from}, quotes respected. */
    private static int matchers(String text, int from) {
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != '}') {
            char c = text.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? skipString(text, i) : i + 1;
        }
        return i + 1;
    }
}
