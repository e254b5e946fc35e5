package org.psig.intake.memory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The small types the snapshots are made of, written the same way by every memory. */
public final class SnapshotCodec {

    private SnapshotCodec() {
    }

    public static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    /** Interned: the memories keep a few distinct texts (regions, vocabularies, sites) for every incident. */
    public static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF().intern() : null;
    }

    public static void writeId(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    public static UUID readId(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    public static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    public static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    public static void writePosition(DataOutputStream out, KnownReport.Position position) throws IOException {
        out.writeInt(position.partition());
        out.writeLong(position.offset());
    }

    public static KnownReport.Position readPosition(DataInputStream in) throws IOException {
        return new KnownReport.Position(in.readInt(), in.readLong());
    }

    /** The accepted reports: every revision of every incident. */
    static void writeIncidents(DataOutputStream out, List<KnownIncident> incidents) throws IOException {
        out.writeInt(incidents.size());
        for (KnownIncident incident : incidents) {
            out.writeInt(incident.revisions().size());
            for (KnownReport report : incident.revisions()) {
                writeReport(out, report);
            }
        }
    }

    static List<KnownIncident> readIncidents(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<KnownIncident> incidents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int revisions = in.readInt();
            List<KnownReport> reports = new ArrayList<>(revisions);
            for (int r = 0; r < revisions; r++) {
                reports.add(readReport(in));
            }
            incidents.add(new KnownIncident(reports));
        }
        return incidents;
    }

    private static void writeReport(DataOutputStream out, KnownReport report) throws IOException {
        writeId(out, report.incidentId());
        out.writeInt(report.revision());
        out.writeUTF(report.fingerprint());
        writeInstant(out, report.receivedAt());
        out.writeUTF(report.finessEt());
        writeText(out, report.finessEj());
        writeText(out, report.declarantReference());
        out.writeBoolean(report.closes());
        out.writeInt(report.warnings().size());
        for (String warning : report.warnings()) {
            out.writeUTF(warning);
        }
        writePosition(out, report.position());
    }

    private static KnownReport readReport(DataInputStream in) throws IOException {
        UUID incidentId = readId(in);
        int revision = in.readInt();
        String fingerprint = in.readUTF();
        Instant receivedAt = readInstant(in);
        String finessEt = in.readUTF().intern();
        String finessEj = readText(in);
        boolean hasReference = in.readBoolean();
        String declarantReference = hasReference ? in.readUTF() : null;
        boolean closes = in.readBoolean();
        List<String> warnings = new ArrayList<>();
        for (int w = in.readInt(); w > 0; w--) {
            warnings.add(in.readUTF());
        }
        return new KnownReport(incidentId, revision, fingerprint, receivedAt, finessEt, finessEj, declarantReference,
                closes, warnings, readPosition(in));
    }
}
