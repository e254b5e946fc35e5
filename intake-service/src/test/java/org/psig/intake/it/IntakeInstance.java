package org.psig.intake.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.psig.intake.IntakeApplication;
import org.psig.testsupport.RegistryServer;
import org.springframework.context.ConfigurableApplicationContext;

/** One running intake service on free ports, as a load balancer would see it: a base URL. */
final class IntakeInstance implements AutoCloseable {

    static final String DEMO_KEY = "Bearer local-demo-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final String url;

    private IntakeInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** An instance with the test settings, and {@code more} arguments after them. */
    static IntakeInstance start(String bootstrapServers, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--management.server.port=0",
                "--server.address=127.0.0.1",
                // A stopped broker is the point of some tests: its reconnection warnings are noise.
                "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR"));
        arguments.addAll(List.of(more));
        return new IntakeInstance(IntakeApplication.application().profiles("local").run(arguments.toArray(String[]::new)));
    }

    /** A GET on the management port, where health and metrics live, as anyone. */
    HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(managementRequest(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET on the management port with an operator's token (the local profile's demo operator's, or another). */
    HttpResponse<String> managementAsOperator(String path, String token) throws Exception {
        return HTTP.send(managementRequest(path).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder managementRequest(String path) {
        String port = context.getEnvironment().getProperty("local.management.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/incident-reports"))
                .header("Authorization", DEMO_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postUpdate(String incidentId, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/incident-reports/" + incidentId + "/updates"))
                .header("Authorization", DEMO_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", DEMO_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
