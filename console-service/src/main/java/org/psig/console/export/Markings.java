package org.psig.console.export;

import java.util.Locale;
import java.util.Map;

/**
 * TLP 2.0 as STIX 2.1 and MISP spell it. STIX predefines only TLP 1.0; the TLP 2.0 marking
 * definitions are OASIS's (extension-definition--60a3c5c5-...), with their published ids. MISP's
 * {@code tlp} and {@code PAP} taxonomies give the tag spellings.
 */
final class Markings {

    static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static final Map<String, String> STIX_IDS = Map.of(
            "CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "AMBER_STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            "RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    /** From the least to the most restrictive. */
    static final java.util.List<String> ORDER = java.util.List.of("CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED");

    private Markings() {
    }

    /** A verdict without a TLP is shared as the pipeline's standard, AMBER. */
    static String orDefault(String tlp) {
        return tlp == null || !STIX_IDS.containsKey(tlp) ? "AMBER" : tlp;
    }

    static String stixId(String tlp) {
        return STIX_IDS.get(orDefault(tlp));
    }

    /** {@code clear}, {@code amber+strict}, ...: the TLP 2.0 value, as MISP's tlp taxonomy and the STIX extension write it. */
    static String value(String tlp) {
        return orDefault(tlp).toLowerCase(Locale.ROOT).replace('_', '+');
    }

    static String name(String tlp) {
        return "TLP:" + value(tlp).toUpperCase(Locale.ROOT);
    }

    /** PAP follows TLP: what may be shared is what may be acted on visibly. PAP has no AMBER+STRICT. */
    static String pap(String tlp) {
        return switch (orDefault(tlp)) {
            case "CLEAR" -> "PAP:CLEAR";
            case "GREEN" -> "PAP:GREEN";
            case "RED" -> "PAP:RED";
            default -> "PAP:AMBER";
        };
    }

    static String strictest(java.util.Collection<String> tlps) {
        return tlps.stream().map(Markings::orDefault).max(java.util.Comparator.comparingInt(ORDER::indexOf)).orElse("AMBER");
    }
}
