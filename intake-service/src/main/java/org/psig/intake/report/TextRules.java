package org.psig.intake.report;

import java.util.Optional;
import java.util.Set;

/**
 * What a text field may hold: what a declarant can type, not what drives a terminal or reorders
 * what a reader sees. C0 and C1 control characters (DEL included) and the bidirectional embeddings,
 * overrides and isolates are refused everywhere; free text keeps its line breaks and tabs. The
 * report travels to every recipient's screen, log and terminal: a NUL, an escape sequence or a
 * right-to-left override would travel with it.
 */
public final class TextRules {

    /** The fields written as paragraphs, by JSON pointer; every other text is a single line. */
    public static final Set<String> FREE_TEXT = Set.of(
            "/incident/description", "/note", "/resolution/rootCause", "/resolution/measures");

    private TextRules() {
    }

    /** Why the text is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (freeText && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                continue;
            }
            if (refused(c)) {
                String found = String.format("U+%04X at character %d", (int) c, i + 1);
                return Optional.of(freeText
                        ? "must not contain control characters other than line breaks and tabs, nor bidirectional overrides (found " + found + ")"
                        : "must be a single line without control characters or bidirectional overrides (found " + found + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean refused(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
