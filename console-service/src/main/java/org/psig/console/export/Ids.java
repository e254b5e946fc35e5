package org.psig.console.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Name-based identifiers and STIX timestamps: the same export twice is the same document. */
final class Ids {

    private Ids() {
    }

    static String stix(String type, String name) {
        return type + "--" + UUID.nameUUIDFromBytes(("psig|" + type + "|" + name).getBytes(StandardCharsets.UTF_8));
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("psig|" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** RFC 3339 in UTC with milliseconds, as STIX wants timestamps. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }
}
