package org.psig.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The processes of a {@code ./psig up --brokers 3 --instances 2} stack, found by their command
 * lines: broker k by its properties file, a service instance by its port, the registry by its jar.
 * Killing one is what the chaos suite does; starting it again is {@code ./psig up}'s supervision.
 */
final class StackParts implements AutoCloseable {

    /** A part: the argument its command line holds, and where it answers once ready (an HTTP URL, or tcp:port). */
    record Part(String name, String argument, String readiness) {
    }

    private final Path home;
    private final Admin admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StackParts(Path home, String bootstrap) {
        this.home = home;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    Part broker(int node) {
        // The listener opens once the broker has caught up with the cluster's metadata.
        return new Part("kafka-" + node, home.resolve("cluster/server-" + node + ".properties").toString(),
                "tcp:" + (9092 + 2 * (node - 1)));
    }

    /** Instance k of a service whose first instance's actuator answers on {@code port}; the intake's on its own port. */
    static Part instance(String service, int k, int port, int actuatorPort) {
        return new Part(k == 1 ? service : service + "-" + k, "--server.port=" + (port + 100 * (k - 1)),
                "http://127.0.0.1:" + (actuatorPort + 100 * (k - 1)) + "/actuator/health/readiness");
    }

    static Part registry() {
        return new Part("registry", "registry-runner.jar", "http://127.0.0.1:8081/health/ready");
    }

    /** The one live process of a part; fails if there is none or more than one. */
    ProcessHandle process(Part part) {
        List<ProcessHandle> found = find(part);
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " processes of " + part.name() + " (" + part.argument() + ")");
        }
        return found.get(0);
    }

    Optional<ProcessHandle> live(Part part) {
        List<ProcessHandle> found = find(part);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static List<ProcessHandle> find(Part part) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(args -> Arrays.stream(args).anyMatch(arg -> arg.equals(part.argument()) || arg.endsWith("/" + part.argument())))
                .orElse(false)).toList();
    }

    /** SIGKILL: no shutdown hook, no transaction ended, as a crash or an OOM kill. */
    long kill(Part part) {
        // A part killed by the fault before may be between its death and its start again (./psig up
        // looks every half second): wait for it to run.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (live(part).isEmpty() && System.nanoTime() < deadline) {
            Sleeps.millis(100);
        }
        ProcessHandle process = process(part);
        process.destroyForcibly();
        return process.pid();
    }

    void signal(Part part, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process(part).pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + part.name() + " failed");
        }
    }

    /** The broker leading a partition. */
    int leaderOf(String topic, int partition) throws Exception {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        return description.partitions().get(partition).leader().id();
    }

    /**
     * Fails unless the topic has three copies of each partition, two of which must be in sync, and
     * no unclean election: what the chaos suite's broker kill relies on.
     */
    void requireReplicated(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        int copies = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        String minInSync = config.get("min.insync.replicas").value();
        String unclean = config.get("unclean.leader.election.enable").value();
        if (copies != 3 || !minInSync.equals("2") || !unclean.equals("false")) {
            throw new IllegalStateException(topic + ": " + copies + " copies, min.insync.replicas " + minInSync
                    + ", unclean.leader.election.enable " + unclean + "; the chaos suite needs 3, 2 and false");
        }
    }

    /** Whether every partition of these topics has all its copies in sync again. */
    boolean fullyReplicated(List<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch((TopicPartitionInfo p) -> p.isr().size() == p.replicas().size());
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether a part started again: a process other than {@code oldPid} runs, and its readiness answers 200. */
    boolean back(Part part, long oldPid) {
        Optional<ProcessHandle> process = live(part);
        if (process.isEmpty() || process.get().pid() == oldPid) {
            return false;
        }
        return ready(part.readiness());
    }

    /** Whether an HTTP readiness URL answers 200, or a {@code tcp:port} accepts connections. */
    boolean ready(String url) {
        if (url.startsWith("tcp:")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(url.substring(4))), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
