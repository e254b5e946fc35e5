package org.psig.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The env files docker-compose.secure.yml gives the services: each logs in as the principal its ACLs name. */
class ComposeFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "intake-service, intake-service",
            "triage-service, triage-service",
            "notification-service, notification-service",
            "correlation-service, correlation-service",
            "console-service, cert-sante"})
    void shouldLogEachServiceInAsItsPrincipal(String service, String principal) throws IOException {
        Credentials credentials = Credentials.generate();
        Path credentialsFile = Files.writeString(dir.resolve("credentials.properties"), "# test\n");

        ComposeFiles.write(credentials, credentialsFile, dir.resolve("compose"));

        assertThat(Files.readString(dir.resolve("compose/" + service + ".env")))
                .contains("SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT")
                .contains("username=\"" + principal + "\" password=\"" + credentials.password(principal) + "\"");
    }

    @Test
    void shouldWriteNoEnvFileForAPrincipalThatIsNoService() throws IOException {
        Path credentialsFile = Files.writeString(dir.resolve("credentials.properties"), "# test\n");

        ComposeFiles.write(Credentials.generate(), credentialsFile, dir.resolve("compose"));

        assertThat(dir.resolve("compose/cert-sante.env")).doesNotExist();
        assertThat(dir.resolve("compose/hfds.env")).doesNotExist();
    }
}
