package org.psig.intake.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    static final String DECLARANT_REFERENCE = "psig-declarant-reference";
    static final String REVISION = "psig-revision";
    static final String CLOSES = "psig-closes";
    static final String WARNING = "psig-warning";

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
        headers.add(DECLARANT_REFERENCE, bytes(reported.getReport().getDeclarantReference()));
        headers.add(REVISION, bytes(Integer.toString(reported.getRevision())));
        if (reported.getRevisionNote() != null && reported.getRevisionNote().getResolution() != null) {
            headers.add(CLOSES, bytes("true"));
        }
        reported.getWarnings().forEach(warning -> headers.add(WARNING, bytes(warning)));
    }

    /**
     * The revision the headers describe; empty when they lack any of the required ones (records of
     * earlier releases), in which case the value must be read.
     */
    static Optional<KnownReport> read(String key, Headers headers, KnownReport.Position position) {
        Optional<String> fingerprint = text(headers, FINGERPRINT);
        Optional<String> receivedAt = text(headers, RECEIVED_AT);
        Optional<String> finessEt = text(headers, FINESS_ET);
        Optional<String> reference = text(headers, DECLARANT_REFERENCE);
        if (key == null || fingerprint.isEmpty() || receivedAt.isEmpty() || finessEt.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        List<String> warnings = new ArrayList<>();
        headers.headers(WARNING).forEach(header -> warnings.add(new String(header.value(), StandardCharsets.UTF_8)));
        return Optional.of(new KnownReport(UUID.fromString(key), text(headers, REVISION).map(Integer::parseInt).orElse(1),
                fingerprint.get(), Instant.parse(receivedAt.get()), finessEt.get(), text(headers, FINESS_EJ).orElse(null),
                reference.get(), text(headers, CLOSES).isPresent(), warnings, position));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
