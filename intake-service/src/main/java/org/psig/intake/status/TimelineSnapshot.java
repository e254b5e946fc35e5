package org.psig.intake.status;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.psig.intake.memory.SnapshotCodec;

/** The timeline's memory as its snapshot holds it: the latest verdict and every notification of each incident. */
record TimelineSnapshot(Map<UUID, LatestVerdict> verdicts, Map<UUID, List<Notified>> notifications) {

    static final String KIND = "incident-timeline";

    /** Each incident's notifications are copied under their lock: the reader thread may be adding one. */
    static void write(DataOutputStream out, Map<UUID, LatestVerdict> verdicts, Map<UUID, List<Notified>> notifications)
            throws IOException {
        List<Map.Entry<UUID, LatestVerdict>> latest = List.copyOf(verdicts.entrySet());
        out.writeInt(latest.size());
        for (Map.Entry<UUID, LatestVerdict> verdict : latest) {
            SnapshotCodec.writeId(out, verdict.getKey());
            writeVerdict(out, verdict.getValue().summary());
            SnapshotCodec.writePosition(out, verdict.getValue().position());
        }
        List<Map.Entry<UUID, List<Notified>>> sent = List.copyOf(notifications.entrySet());
        out.writeInt(sent.size());
        for (Map.Entry<UUID, List<Notified>> incident : sent) {
            List<Notified> each;
            synchronized (incident.getValue()) {
                each = List.copyOf(incident.getValue());
            }
            SnapshotCodec.writeId(out, incident.getKey());
            out.writeInt(each.size());
            for (Notified notified : each) {
                out.writeUTF(notified.recipient());
                out.writeInt(notified.revision());
                SnapshotCodec.writeInstant(out, notified.publishedAt());
            }
        }
    }

    static TimelineSnapshot read(DataInputStream in) throws IOException {
        Map<UUID, LatestVerdict> verdicts = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            UUID incidentId = SnapshotCodec.readId(in);
            KnownVerdict summary = readVerdict(in);
            verdicts.put(incidentId, new LatestVerdict(summary, SnapshotCodec.readPosition(in)));
        }
        Map<UUID, List<Notified>> notifications = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            UUID incidentId = SnapshotCodec.readId(in);
            int count = in.readInt();
            List<Notified> sent = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                sent.add(new Notified(in.readUTF().intern(), in.readInt(), SnapshotCodec.readInstant(in)));
            }
            notifications.put(incidentId, sent);
        }
        return new TimelineSnapshot(verdicts, notifications);
    }

    private static void writeVerdict(DataOutputStream out, KnownVerdict verdict) throws IOException {
        out.writeInt(verdict.revision());
        out.writeUTF(verdict.legalQualification());
        out.writeUTF(verdict.maliciousness());
        out.writeUTF(verdict.severity());
        SnapshotCodec.writeText(out, verdict.arsRegionCode());
        SnapshotCodec.writeText(out, verdict.tlp());
        out.writeInt(verdict.deadlines().size());
        for (KnownVerdict.Due due : verdict.deadlines()) {
            out.writeUTF(due.duty());
            SnapshotCodec.writeInstant(out, due.dueAt());
        }
        SnapshotCodec.writeText(out, verdict.rulesetVersion());
    }

    /** The summary only: the memory keeps no reasons, an incident's status reads them from its record. */
    private static KnownVerdict readVerdict(DataInputStream in) throws IOException {
        int revision = in.readInt();
        String legalQualification = in.readUTF().intern();
        String maliciousness = in.readUTF().intern();
        String severity = in.readUTF().intern();
        String region = SnapshotCodec.readText(in);
        String tlp = SnapshotCodec.readText(in);
        List<KnownVerdict.Due> deadlines = new ArrayList<>();
        for (int d = in.readInt(); d > 0; d--) {
            deadlines.add(new KnownVerdict.Due(in.readUTF().intern(), SnapshotCodec.readInstant(in)));
        }
        return new KnownVerdict(revision, legalQualification, maliciousness, severity, region, tlp,
                List.copyOf(deadlines), null, SnapshotCodec.readText(in));
    }
}
