package org.psig.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The six reference reports of the contract and their expected verdicts, copied from
 * {@code shared/samples} so that the repository tests itself.
 */
public final class Samples {

    public static final List<String> NAMES = List.of(
            "ransomware-hospital-bretagne", "power-outage-ehpad-occitanie", "phishing-hospital-mayotte",
            "provider-outage-paris", "data-leak-esms-paca", "software-bug-wallis");

    private Samples() {
    }

    /** The report body exactly as an external system posts it. */
    public static String report(String name) {
        return read("/samples/" + name + ".json");
    }

    /** {@code expected-verdicts.json}: sample name to arsRegionCode, legalQualification, maliciousness, severity. */
    public static String expectedVerdicts() {
        return read("/samples/expected-verdicts.json");
    }

    private static String read(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
