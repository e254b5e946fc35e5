package org.psig.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.psig.testsupport.ChildJvms;

/**
 * A service run from its built jar in a child JVM, so that a test can kill it the hard way
 * (SIGKILL: no shutdown hook, no transaction finished) and start it again.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Thread killer;

    private ServiceProcess(Process process) {
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "service-process-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static ServiceProcess start(String jarProperty, Map<String, String> environment, Path log, String... args) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No service jar at " + jar + " (system property " + jarProperty
                    + "); run the tests through Maven, which builds it first");
        }
        List<String> command = new ArrayList<>(List.of(ChildJvms.java(), ChildJvms.settings("service"), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A state directory root (PSIG_STATE_DIR) of a test's own: a service's stores, and the process id
     * its transactional ids are made of, survive its restarts in it, as on a pod's volume.
     */
    static Path stateDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service's readiness probe answers 200. */
    static void awaitReady(String baseUrl) {
        HttpClient http = HttpClient.newHttpClient();
        await(baseUrl + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() {
        ChildJvms.kill(process);
    }

    /** SIGTERM: a graceful stop, forced after 20 s. */
    @Override
    public void close() {
        ChildJvms.stop(process, Duration.ofSeconds(20));
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running.
        }
    }
}
