package org.psig.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.psig.schemas.Topics;

/**
 * The principals of the secure local stack and their passwords: one per service, one per ARS, one
 * for the HFDS, one for CERT Santé, and the broker's own admin. Generated at random once and kept
 * in a file only the owner can read.
 */
record Credentials(Map<String, String> passwords) {

    static final String ADMIN = "admin";
    static final List<String> SERVICES = List.of("intake-service", "triage-service", "notification-service",
            "correlation-service");
    static final String HFDS = "hfds";
    static final String CERT_SANTE = "cert-sante";

    /** {@code ars-53} for the ARS of region 53. */
    static String ars(String region) {
        return "ars-" + region;
    }

    static List<String> principals() {
        List<String> principals = new ArrayList<>(List.of(ADMIN));
        principals.addAll(SERVICES);
        principals.add(HFDS);
        principals.add(CERT_SANTE);
        Topics.ARS_REGION_CODES.forEach(region -> principals.add(ars(region)));
        return principals;
    }

    static Credentials generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : principals()) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            passwords.put(principal, HexFormat.of().formatHex(secret));
        }
        return new Credentials(passwords);
    }

    /** Reads the file, creating it first with fresh passwords if it does not exist. */
    static Credentials loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Properties properties = new Properties();
            generate().passwords().forEach(properties::setProperty);
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Kafka SASL/PLAIN passwords of the secure local stack; keep private");
            }
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : principals()) {
            String password = properties.getProperty(principal);
            if (password == null) {
                throw new IllegalStateException(file + " has no password for " + principal + "; delete it to regenerate");
            }
            passwords.put(principal, password);
        }
        return new Credentials(passwords);
    }

    String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("No principal '" + principal + "'; principals: " + passwords.keySet());
        }
        return password;
    }
}
