package org.psig.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The secure stack's TLS material, made once with the JDK's keytool beside the credentials: the
 * broker's key pair, whose certificate names 127.0.0.1 and localhost (clients check the name), and
 * a truststore holding that certificate, for every client. Both PKCS12, under one random password
 * kept in a file only the owner can read.
 *
 * @param keystore the broker's key pair
 * @param truststore what clients trust
 * @param password of both stores
 */
record Tls(Path keystore, Path truststore, String password) {

    /** The stores in {@code dir}, made first if they are not there. */
    static Tls ensure(Path dir) throws IOException, InterruptedException {
        Path passwordFile = dir.resolve("tls-password");
        Tls tls = new Tls(dir.resolve("broker.p12"), dir.resolve("truststore.p12"),
                Files.exists(passwordFile) ? Files.readString(passwordFile).trim() : null);
        if (tls.password() != null && Files.exists(tls.keystore()) && Files.exists(tls.truststore())) {
            return tls;
        }
        Files.createDirectories(dir);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Files.deleteIfExists(tls.keystore());
        Files.deleteIfExists(tls.truststore());
        Path certificate = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=localhost, OU=psig local stack", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", tls.keystore().toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", tls.keystore().toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "psig-broker", "-file", certificate.toString(),
                "-keystore", tls.truststore().toString(), "-storetype", "PKCS12", "-storepass", password);
        Files.writeString(passwordFile, password);
        for (Path file : List.of(passwordFile, tls.keystore(), tls.truststore())) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return new Tls(tls.keystore(), tls.truststore(), password);
    }

    /** A client's settings: trust the broker's certificate. */
    Map<String, Object> clientSettings() {
        return Map.of("ssl.truststore.location", truststore.toString(), "ssl.truststore.password", password,
                "ssl.truststore.type", "PKCS12");
    }

    /** The broker's settings, for both its listeners and its own connections to them. */
    List<String> brokerSettings() {
        return List.of(
                "ssl.keystore.location=" + keystore, "ssl.keystore.password=" + password, "ssl.key.password=" + password,
                "ssl.keystore.type=PKCS12",
                "ssl.truststore.location=" + truststore, "ssl.truststore.password=" + password, "ssl.truststore.type=PKCS12");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
