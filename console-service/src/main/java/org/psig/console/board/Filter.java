package org.psig.console.board;

import java.util.Locale;

/**
 * What an analyst narrows the feed to; a null field lets everything through. Provider matches a part
 * of the declared name, case aside; the others match exactly.
 */
public record Filter(String region, String severity, String qualification, String maliciousness, String category,
                     String provider, String tlp) {

    public static final Filter ALL = new Filter(null, null, null, null, null, null, null);

    public boolean matches(IncidentCard card) {
        return same(region, card.regionCode()) && same(severity, card.severity())
                && same(qualification, card.legalQualification()) && same(maliciousness, card.maliciousness())
                && same(category, card.category()) && same(tlp, card.tlp()) && mentions(card.provider());
    }

    private boolean mentions(String declared) {
        return blank(provider) || declared != null
                && declared.toLowerCase(Locale.ROOT).contains(provider.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean same(String wanted, String actual) {
        return blank(wanted) || wanted.equals(actual);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
