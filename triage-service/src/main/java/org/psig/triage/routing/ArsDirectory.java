package org.psig.triage.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Routes a site FINESS number (ET) to its ARS from the department table. Metropolitan numbers start
 * with the department (2A/2B for Corsica); overseas numbers with a four-character prefix (9701...9805).
 */
public final class ArsDirectory {

    public static final String TABLE_RESOURCE = "/departements-regions-ars.csv";

    private static final Pattern FINESS = Pattern.compile("(\\d{9}|2[AB]\\d{7})");
    private final Map<String, Entry> byPrefix;

    private record Entry(String regionCode, String territory, String ars) {
    }

    private ArsDirectory(Map<String, Entry> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /** The table shipped with the service. */
    public static ArsDirectory fromClasspath() {
        try (InputStream in = ArsDirectory.class.getResourceAsStream(TABLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Routing table " + TABLE_RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArsDirectory parse(BufferedReader csv) throws IOException {
        Map<String, Entry> byPrefix = new HashMap<>();
        String header = csv.readLine();
        if (header == null || !header.startsWith("departement,")) {
            throw new IllegalStateException("Routing table has no header line");
        }
        for (String line = csv.readLine(); line != null; line = csv.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = CsvLine.split(line);
            String prefix = cells[5];
            if (!prefix.isEmpty()) {
                String region = cells[2].isEmpty() ? null : cells[2];
                byPrefix.put(prefix, new Entry(region, cells[1], cells[4]));
            }
        }
        return new ArsDirectory(byPrefix);
    }

    public Route route(String finessEt) {
        if (finessEt == null || !FINESS.matcher(finessEt).matches()) {
            return new Route(null, "Unrouted: site FINESS '" + finessEt + "' is not a well-formed FINESS number.");
        }
        String prefix = finessEt.startsWith("97") || finessEt.startsWith("98")
                ? finessEt.substring(0, 4) : finessEt.substring(0, 2);
        Entry entry = byPrefix.get(prefix);
        if (entry == null) {
            return new Route(null, "Unrouted: no department or territory has FINESS prefix " + prefix + ".");
        }
        if (entry.regionCode() == null) {
            return new Route(null, "Unrouted: " + entry.territory() + " (FINESS prefix " + prefix + ") has no ARS.");
        }
        return new Route(entry.regionCode(), "Routed to " + entry.ars() + " (region " + entry.regionCode()
                + ") from site FINESS prefix " + prefix + " (" + entry.territory() + ").");
    }
}
