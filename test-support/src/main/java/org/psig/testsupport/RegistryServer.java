package org.psig.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The real Apicurio Registry, started from the jar the {@code registry} module builds, as a child
 * process on a free loopback port. One per test JVM; stopped when the JUnit session ends, and by a
 * shutdown hook should the JVM die first.
 */
public final class RegistryServer {

    /** Set once the registry is up, so that Spring configuration can read it. */
    public static final String URL_PROPERTY = "psig.registry.url";
    static final String JAR_PROPERTY = "psig.registry.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private static RegistryServer shared;

    private final Process process;
    private final String url;

    private RegistryServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the JVM-wide registry on first use; later calls return the same one. */
    public static synchronized RegistryServer shared() {
        if (shared == null) {
            shared = start();
            System.setProperty(URL_PROPERTY, shared.url);
            Runtime.getRuntime().addShutdownHook(new Thread(RegistryServer::stopShared, "registry-stopper"));
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
            System.clearProperty(URL_PROPERTY);
        }
    }

    public String url() {
        return url;
    }

    /** Its process, for a test that stops it a while (SIGSTOP) as a registry that no longer answers. */
    public long pid() {
        return process.pid();
    }

    private static RegistryServer start() {
        Path jar = locateJar();
        int port = ChildJvms.freePort();
        try {
            Path log = Files.createTempFile("psig-registry-", ".log");
            ProcessBuilder builder = new ProcessBuilder(ChildJvms.java(), ChildJvms.settings("registry"), "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            RegistryServer server = new RegistryServer(builder.start(), "http://127.0.0.1:" + port);
            server.awaitReady(log);
            try {
                requireBackwardCompatibility(server.url);
            } catch (RuntimeException | IOException e) {
                server.stop();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the schema registry from " + jar, e);
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The schema registry exited at start; see " + log);
            }
            if (answersReady()) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("The schema registry was not ready within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /** As in the local stack: the registry refuses a new schema version that cannot read the previous one. */
    public static void requireBackwardCompatibility(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/apis/ccompat/v7/config").toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.getOutputStream().write("{\"compatibility\":\"BACKWARD\"}".getBytes(StandardCharsets.UTF_8));
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status != 200) {
            throw new IllegalStateException("The schema registry refused the BACKWARD compatibility rule: HTTP " + status);
        }
    }

    private boolean answersReady() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private void stop() {
        ChildJvms.stop(process, Duration.ofSeconds(10));
    }

    private static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured == null) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set; run the tests through Maven");
        }
        Path jar = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No registry jar at " + jar + "; build it first: mvn -pl registry package");
        }
        return jar;
    }
}
