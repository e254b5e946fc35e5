package org.psig.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a declarant can type passes; what drives a terminal or reorders a line does not. */
class TextRulesTest {

    @ParameterizedTest(name = "{0}: single line {2}, free text {3}")
    @CsvSource(delimiter = '|', textBlock = """
            plain French                   | Centre hospitalier Saint-Étienne — bâtiment B |       |
            accents, œ, ß, Greek, CJK      | Cœur de Straße Ω 病院                          |       |
            emoji                          | Panne serveur 🔥                               |       |
            non-breaking space U+00A0      | 12\\u00a0h                                      |       |
            left-to-right mark U+200E      | שלום\\u200e 42                                  |       |
            line feed                      | ligne 1\\nligne 2                               | U+000A at character 8 |
            tab                            | a\\tb                                           | U+0009 at character 2 |
            CR LF                          | a\\r\\nb                                         | U+000D at character 2 |
            lone CR                        | a\\rb                                           | U+000D at character 2 | U+000D at character 2
            NUL                            | CH\\u0000Kerlann                                | U+0000 at character 3 | U+0000 at character 3
            escape sequence                | \\u001b[31mrouge                                | U+001B at character 1 | U+001B at character 1
            bell                           | ding\\u0007                                     | U+0007 at character 5 | U+0007 at character 5
            DEL                            | a\\u007fb                                       | U+007F at character 2 | U+007F at character 2
            C1 CSI U+009B                  | a\\u009b31m                                     | U+009B at character 2 | U+009B at character 2
            C1 NEL U+0085                  | a\\u0085b                                       | U+0085 at character 2 | U+0085 at character 2
            right-to-left override U+202E  | KER-\\u202e2400                                 | U+202E at character 5 | U+202E at character 5
            left-to-right embedding U+202A | \\u202aX                                        | U+202A at character 1 | U+202A at character 1
            pop directional U+202C         | X\\u202c                                        | U+202C at character 2 | U+202C at character 2
            right-to-left isolate U+2067   | X\\u2067Y                                       | U+2067 at character 2 | U+2067 at character 2
            pop directional isolate U+2069 | X\\u2069                                        | U+2069 at character 2 | U+2069 at character 2
            """)
    void shouldRefuseControlsAndBidiOverridesAndKeepLineBreaksInFreeText(String name, String text, String singleLine,
                                                                         String freeText) {
        String decoded = unescape(text);

        assertThat(TextRules.problem(decoded, false).map(TextRulesTest::found)).isEqualTo(Optional.ofNullable(singleLine));
        assertThat(TextRules.problem(decoded, true).map(TextRulesTest::found)).isEqualTo(Optional.ofNullable(freeText));
    }

    @Test
    void shouldNameWhatIsRefusedAndWhereInTheMessage() {
        assertThat(TextRules.problem("CH\u001b[31m", false)).hasValue(
                "must be a single line without control characters or bidirectional overrides (found U+001B at character 3)");
        assertThat(TextRules.problem("a\u0000", true)).hasValue(
                "must not contain control characters other than line breaks and tabs, nor bidirectional overrides (found U+0000 at character 2)");
    }

    @Test
    void shouldTreatTheContractsParagraphsAsFreeText() {
        assertThat(TextRules.FREE_TEXT).containsExactlyInAnyOrder(
                "/incident/description", "/note", "/resolution/rootCause", "/resolution/measures");
    }

    private static String found(String message) {
        return message.substring(message.indexOf("(found ") + 7, message.length() - 1);
    }

    /** The table writes characters as Java escapes, so that it shows what it holds. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'u') {
                    out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
