package org.psig.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What every test that runs a server in a child JVM needs: the java command, a free port, a stop. */
public final class ChildJvms {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final String JVM_DIR_PROPERTY = "psig.jvm.dir";

    private ChildJvms() {
    }

    /** The java executable of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The JVM settings of a kind of process ({@code service}, {@code broker}, {@code registry}) as a
     * java argument file, the same that ./psig uses: {@code jvm/<kind>.args}.
     */
    public static String settings(String kind) {
        String dir = System.getProperty(JVM_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("System property " + JVM_DIR_PROPERTY + " is not set; run the tests through Maven");
        }
        Path file = Path.of(dir, kind + ".args").toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No JVM settings at " + file);
        }
        return "@" + file;
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, then wait until the process is gone. */
    public static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, and SIGKILL if the process has not ended after {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
    }
}
