package org.psig.intake.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.psig.schemas.IncidentReport;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a report's content, which tells a resend from a conflicting report. It hashes the
 * report's Avro binary encoding: field-ordered and stable, equal content gives equal bytes.
 * Reports accepted before this encoding was chosen carry the hash of Avro's JSON rendering instead;
 * {@link #sameContent} recognises both, so that a resend of such a report is still a repeat.
 */
public final class Fingerprints {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Fingerprints() {
    }

    public static String of(IncidentReport report) {
        try {
            ByteBuffer encoded = IncidentReport.getEncoder().encode(report);
            MessageDigest digest = sha256();
            digest.update(encoded);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("An IncidentReport could not be encoded", e);
        }
    }

    /**
     * The fingerprint of an update as posted, which tells a resend of a revision from a conflicting
     * one: its fields rendered as JSON in a fixed order, so that spacing and key order do not count.
     */
    public static String of(IncidentUpdateRequest update) {
        byte[] canonical = CANONICAL.writeValueAsBytes(update);
        return HexFormat.of().formatHex(sha256().digest(canonical));
    }

    /** Whether a known fingerprint, of either encoding, is that of this report. */
    public static boolean sameContent(String known, String fingerprint, IncidentReport report) {
        return known.equals(fingerprint) || known.equals(legacy(report));
    }

    /** The fingerprint reports accepted before the Avro-bytes encoding carry. */
    public static String legacy(IncidentReport report) {
        return HexFormat.of().formatHex(sha256().digest(report.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
