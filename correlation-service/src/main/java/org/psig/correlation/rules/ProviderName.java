package org.psig.correlation.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One provider, however forty declarants spell it: "Hébergeur SIL", "HEBERGEUR SIL SAS" and
 * "hebergeur-sil" are the same key. Accents, case, punctuation and a trailing legal form go.
 */
public final class ProviderName {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> LEGAL_FORMS = Set.of("sa", "sas", "sasu", "sarl", "eurl", "sca", "gie", "inc", "ltd",
            "llc", "gmbh", "bv", "nv", "plc");

    private ProviderName() {
    }

    /** The provider's key, or empty when nothing nameable is left. */
    public static Optional<String> normalise(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String plain = MARKS.matcher(Normalizer.normalize(declared, Normalizer.Form.NFD)).replaceAll("");
        String words = NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        int lastSpace = words.lastIndexOf(' ');
        if (lastSpace > 0 && LEGAL_FORMS.contains(words.substring(lastSpace + 1))) {
            words = words.substring(0, lastSpace);
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(words);
    }
}
