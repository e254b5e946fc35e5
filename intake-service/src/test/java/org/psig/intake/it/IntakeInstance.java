package org.psig.intake.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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

    static IntakeInstance start(String bootstrapServers) {
        return new IntakeInstance(IntakeApplication.application().profiles("local").run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--management.server.port=0",
                "--server.address=127.0.0.1",
                // A stopped broker is the point of some tests: its reconnection warnings are noise.
                "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR"));
    }

    HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/incident-reports"))
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
