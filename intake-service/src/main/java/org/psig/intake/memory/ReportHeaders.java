package org.psig.intake.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.psig.schemas.IncidentReported;

/**
 * What the intake's memory needs of an accepted report, carried in headers of its record on
 * {@code psig.incident.reported}: the memory reads them, the key and nothing else, instead of
 * decoding every report. Records written before these headers existed have none.
 */
public final class ReportHeaders {

    static final String FINGERPRINT = "psig-content-fingerprint";
    static final String RECEIVED_AT = "psig-received-at";
    static final String FINESS_ET = "psig-finess-et";
    static final String FINESS_EJ = "psig-finess-ej";

    private ReportHeaders() {
    }

    public static void write(IncidentReported reported, Headers headers) {
        var establishment = reported.getReport().getEstablishment();
        headers.add(FINGERPRINT, bytes(reported.getContentFingerprint()));
        headers.add(RECEIVED_AT, bytes(reported.getReceivedAt().toString()));
        headers.add(FINESS_ET, bytes(establishment.getFinessEt()));
        if (establishment.getFinessEj() != null) {
            headers.add(FINESS_EJ, bytes(establishment.getFinessEj()));
        }
    }

    /** The report the headers describe; empty when they lack any of the required ones. */
    static Optional<KnownReport> read(String key, Headers headers) {
        Optional<String> fingerprint = text(headers, FINGERPRINT);
        Optional<String> receivedAt = text(headers, RECEIVED_AT);
        Optional<String> finessEt = text(headers, FINESS_ET);
        if (key == null || fingerprint.isEmpty() || receivedAt.isEmpty() || finessEt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KnownReport(UUID.fromString(key), fingerprint.get(), Instant.parse(receivedAt.get()),
                finessEt.get(), text(headers, FINESS_EJ).orElse(null)));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
