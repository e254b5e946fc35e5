package org.psig.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM, for tests that must stop the broker and start it
 * again on the same port and data: kill it to simulate a crash, restart it, nothing it held is lost.
 * It runs on the test's own classpath, which carries the broker through spring-kafka-test.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path config;
    private final int port;
    private final Map<String, Object> clientConfig;
    private final Thread killer = new Thread(this::kill, "kafka-broker-killer");
    private Process process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort, List<String> overrides,
                               Map<String, Object> clientConfig) throws IOException {
        this.dir = dir;
        this.port = port;
        this.clientConfig = clientConfig;
        this.config = dir.resolve("server.properties");
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", "num.partitions=6"));
        // Later lines win in a properties file: overrides replace the plain listeners, for example.
        lines.addAll(overrides);
        Files.writeString(config, String.join("\n", lines) + "\n");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Formats a fresh data directory and starts the broker on free loopback ports. */
    public static KafkaBrokerProcess start() {
        return start((port, controllerPort) -> List.of(), Map.of());
    }

    /**
     * A broker with more settings, e.g. SASL listeners: {@code overrides} gets the broker and controller
     * ports; {@code clientConfig} is what a client needs besides the bootstrap servers to connect.
     */
    public static KafkaBrokerProcess start(BiFunction<Integer, Integer, List<String>> overrides,
                                           Map<String, Object> clientConfig) {
        try {
            int port = ChildJvms.freePort();
            int controllerPort = ChildJvms.freePort();
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("psig-kafka-"), port,
                    controllerPort, overrides.apply(port, controllerPort), clientConfig);
            broker.run("format", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    broker.config.toString()).waitFor(60, TimeUnit.SECONDS);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again on the same port and data, and waits until it answers. */
    public void restart() {
        try {
            process = run("broker", "kafka.Kafka", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitAnswering();
    }

    /** SIGKILL: the broker vanishes as in a crash or a network cut, without a controlled shutdown. */
    public void kill() {
        if (process != null && process.isAlive()) {
            ChildJvms.kill(process);
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook itself is running.
        }
        Directories.delete(dir);
    }

    private Process run(String name, String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ChildJvms.java(), ChildJvms.settings("broker"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Map<String, Object> admin = new HashMap<>(clientConfig);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker exited at start; see " + dir.resolve("broker.log"));
                }
                try {
                    client.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).clusterId().get();
                    return;
                } catch (Exception notYet) {
                    // Still starting.
                }
            }
        }
        kill();
        throw new IllegalStateException("The broker did not answer within " + START_TIMEOUT + "; see " + dir);
    }
}
