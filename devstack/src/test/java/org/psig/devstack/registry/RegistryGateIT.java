package org.psig.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;

/** The gate in front of the real registry: a registration without the deploy token is refused, one with it lands, reads pass. */
@ExtendWith(RegistryExtension.class)
class RegistryGateIT {

    private static final String TOKEN = "deploy-token-" + UUID.randomUUID();
    private static final String SCHEMA = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"GateProbe\\\", "
            + "\\\"fields\\\": [{\\\"name\\\": \\\"id\\\", \\\"type\\\": \\\"string\\\"}]}\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String subject = "gate-probe-" + UUID.randomUUID() + "-value";
    private RegistryGate gate;

    @BeforeEach
    void openTheGate() throws Exception {
        gate = new RegistryGate(0, URI.create(RegistryServer.shared().url()), new GatePolicy(TOKEN));
    }

    @AfterEach
    void closeTheGate() {
        if (gate != null) {
            gate.close();
        }
    }

    private HttpResponse<String> register(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + gate.port() + "/apis/ccompat/v7/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gate.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseARegistrationWithoutTheDeployTokenAndLetTheDeployStepRegister() throws Exception {
        HttpResponse<String> anonymous = register(null);
        HttpResponse<String> wrong = register("Bearer not-the-deploy-token");

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(anonymous.body()).contains("urn:psig:problem:registry-read-only");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(get("/apis/ccompat/v7/subjects/" + subject + "/versions").statusCode())
                .as("nothing was registered").isEqualTo(404);

        HttpResponse<String> deployed = register("Bearer " + TOKEN);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        HttpResponse<String> read = get("/apis/ccompat/v7/subjects/" + subject + "/versions/latest");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("GateProbe");
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + gate.port() + "/apis/ccompat/v7/subjects/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).as("a lookup by content is a read: " + lookup.body()).isEqualTo(200);
    }

    @Test
    void shouldRefuseToChangeTheCompatibilityRuleWithoutTheDeployToken() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + gate.port() + "/apis/ccompat/v7/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(get("/apis/ccompat/v7/config").body()).contains("BACKWARD");
    }
}
