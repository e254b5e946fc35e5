package org.psig.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The secrets docker-compose.secure.yml mounts: the broker's JAAS file (every principal and its
 * password), the admin's client settings for the broker's health check, the credentials the ACL job
 * reads, and one env file per service with its own SASL settings (the console's as cert-sante).
 */
final class ComposeFiles {

    private ComposeFiles() {
    }

    static void write(Credentials credentials, Path credentialsFile, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("kafka_server_jaas.conf"),
                "KafkaServer {\n  " + SecureBroker.brokerLogin(credentials, "\n  ") + "\n};\n");
        write(dir.resolve("admin.properties"), String.join("\n", List.of(
                "security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN",
                "sasl.jaas.config=" + plain(Credentials.ADMIN, credentials))) + "\n");
        for (String service : Credentials.SERVICES) {
            writeEnv(dir, service, service, credentials);
        }
        // The console reads as CERT Santé: it can never show more than cert-sante may read.
        writeEnv(dir, "console-service", Credentials.CERT_SANTE, credentials);
        Path copy = dir.resolve("credentials.properties");
        Files.copy(credentialsFile, copy, StandardCopyOption.REPLACE_EXISTING);
        // Read inside the containers, whose users differ from ours: readable, but only in this folder.
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void writeEnv(Path dir, String service, String principal, Credentials credentials) throws IOException {
        write(dir.resolve(service + ".env"), String.join("\n", List.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=PLAIN",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=" + plain(principal, credentials))) + "\n");
    }

    private static String plain(String principal, Credentials credentials) {
        return Connection.plainLogin(principal, credentials.password(principal)) + ";";
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
