package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.schemas.Topics;
import org.psig.testsupport.ChildJvms;
import org.psig.testsupport.RawTopicReader;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * One report is one trace: the three services, each in its own JVM with its own log, as deployed;
 * a report posted with a caller's W3C traceparent; every JSON log line about its incident, in
 * every service, carries the caller's traceId, and so do the headers of its notifications.
 */
@ExtendWith(RegistryExtension.class)
class TraceAcrossServicesIT {

    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private static final List<String> SERVICES = List.of("intake", "triage", "notification");

    private final List<ServiceProcess> running = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopTheServices() {
        running.forEach(ServiceProcess::close);
    }

    @Test
    void oneReportIsOneTraceFromItsPostToItsNotificationsAcrossTheThreeServicesLogs() throws Exception {
        Path logs = Files.createTempDirectory("trace-");
        int port = ChildJvms.freePort();
        int management = ChildJvms.freePort();
        for (String service : SERVICES) {
            List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + BROKERS,
                    "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2"));
            args.addAll(service.equals("intake")
                    ? List.of("--spring.profiles.active=local", "--server.port=" + port, "--management.server.port=" + management)
                    : List.of("--server.port=0"));
            running.add(ServiceProcess.start("psig." + service + ".jar", Map.of(), logs.resolve(service + ".log"),
                    args.toArray(String[]::new)));
        }
        ServiceProcess.awaitReady("http://127.0.0.1:" + management);
        HttpClient http = HttpClient.newHttpClient();

        String callerTrace = HexFormat.of().formatHex(randomBytes(16));
        String report = Samples.report("ransomware-hospital-bretagne")
                .replace("KER-2026-0042", "TRACE-" + UUID.randomUUID());
        HttpResponse<String> accepted = await("a 202").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/incident-reports"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer local-demo-key")
                        .header("traceparent", "00-" + callerTrace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString(report)).build(),
                        HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 202);
        String incidentId = json.readTree(accepted.body()).get("incidentId").asText();

        List<ConsumerRecord<String, byte[]>> notified = new ArrayList<>(
                RawTopicReader.awaitKey(BROKERS, Topics.NOTIFICATION_HFDS, incidentId));
        notified.addAll(RawTopicReader.awaitKey(BROKERS, Topics.arsNotification("53"), incidentId));
        assertThat(notified).hasSize(2).allSatisfy(record -> assertThat(new String(
                record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).startsWith("00-" + callerTrace + "-"));

        for (String service : SERVICES) {
            // The notification service logs after it sends; its line may land a moment after the record.
            await(service + " logs " + incidentId).atMost(Duration.ofSeconds(10))
                    .until(() -> !linesAbout(logs.resolve(service + ".log"), incidentId).isEmpty());
        }
        Map<String, Set<String>> tracesByService = SERVICES.stream().collect(Collectors.toMap(service -> service,
                service -> linesAbout(logs.resolve(service + ".log"), incidentId).stream()
                        .map(line -> line.path("traceId").asText("(none)")).collect(Collectors.toSet())));
        assertThat(tracesByService).allSatisfy((service, traces) -> assertThat(traces).containsExactly(callerTrace));
    }

    /** The JSON log lines of one service that name the incident in their incidentId field. */
    private List<JsonNode> linesAbout(Path log, String incidentId) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("{")).map(this::parse)
                    .filter(line -> incidentId.equals(line.path("incidentId").asText())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("A log line that is not JSON: " + line, e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
