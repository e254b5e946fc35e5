package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a stand-in intake on loopback that accepts every third report with a 503. */
class LoadGeneratorTest {

    private HttpServer intake;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<UUID, Long> expected = new ConcurrentHashMap<>();

    @BeforeEach
    void startTheIntake() throws IOException {
        intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/v1/incident-reports", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(requests.incrementAndGet() % 3 == 0 ? 503 : 202, -1);
            exchange.close();
        });
        intake.start();
    }

    @AfterEach
    void stopTheIntake() {
        intake.stop(0);
    }

    private LoadGenerator load() {
        return new LoadGenerator("http://127.0.0.1:" + intake.getAddress().getPort(), "key",
                (incidentId, intendedNanos, latencies) -> expected.put(incidentId, intendedNanos),
                new ReportBodies("test", 7));
    }

    @Test
    void shouldSendAtTheOfferedRateOnIntendedTimesAndCountRefusals() {
        LoadGenerator.Outcome outcome = load().steady(50, Duration.ofSeconds(1), new Latencies(System.nanoTime()));

        assertThat(outcome.sent()).isEqualTo(50);
        assertThat(requests.get()).isEqualTo(50);
        assertThat(outcome.accepted()).hasSize(34);
        assertThat(outcome.refusedByStatus()).containsExactly(Map.entry(503, 16L));
        assertThat(authorizations).containsOnly("Bearer key");
        // Open loop: every report has its own intended time, 20 ms apart.
        List<Long> intended = expected.values().stream().sorted().toList();
        assertThat(intended).hasSize(50);
        assertThat(intended.get(49) - intended.get(0)).isEqualTo(49 * 20_000_000L);
    }

    @Test
    void shouldSendEveryReportOfABurstAndTellHowFastTheyWereAccepted() throws Exception {
        LoadGenerator.Outcome outcome = load().burst(90, 8, new Latencies(System.nanoTime()));

        assertThat(outcome.sent()).isEqualTo(90);
        assertThat(requests.get()).isEqualTo(90);
        assertThat(outcome.accepted()).hasSize(60).doesNotHaveDuplicates();
        assertThat(outcome.acceptedPerSecond()).isPositive();
        assertThat(outcome.lastAnswerNanos()).isGreaterThan(outcome.startNanos());
    }
}
