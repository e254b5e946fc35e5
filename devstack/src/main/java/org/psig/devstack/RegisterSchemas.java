package org.psig.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.psig.schemas.ArsNotification;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignAlert;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;

/**
 * Registers the value schema of every topic under {@code <topic>-value}, one at a time, before any
 * service starts. Left to the producers, the first burst of reports on a fresh registry made dozens
 * of threads register the same schema at once, and the registry's database refused most of them.
 * It is the deploy step: behind the local stack's gate, only it may write to the registry, with
 * the deploy token read from {@code PSIG_REGISTRY_TOKEN_FILE}; the services only read.
 */
public final class RegisterSchemas {

    private RegisterSchemas() {
    }

    public static void main(String[] args) throws Exception {
        String tokenFile = Connection.env("PSIG_REGISTRY_TOKEN_FILE", "");
        String token = tokenFile.isEmpty() ? null : Files.readString(Path.of(tokenFile)).trim();
        int registered = register(Connection.env("PSIG_REGISTRY_URL", "http://127.0.0.1:8081"), token);
        System.out.println(registered + " schemas registered");
    }

    /**
     * Registers every topic's value schema, with the deploy token if the registry is gated (null if
     * not), and returns how many subjects it registered; tests that start services from their jars
     * call it as ./psig up does.
     */
    public static int register(String registry, String token) throws IOException, InterruptedException {
        Map<String, Schema> subjects = subjects();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Map.Entry<String, Schema> subject : subjects.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + "/apis/ccompat/v7/subjects/"
                            + subject.getKey() + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":" + quote(subject.getValue().toString()) + "}"));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the registry refused " + subject.getKey() + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        }
        return subjects.size();
    }

    static Map<String, Schema> subjects() {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        subjects.put(Topics.INCIDENT_REPORTED + "-value", IncidentReported.getClassSchema());
        subjects.put(Topics.INCIDENT_TRIAGED + "-value", IncidentTriaged.getClassSchema());
        // A record that could be read but not processed is dead-lettered as it was read: the same schema.
        subjects.put(Topics.deadLetters(Topics.INCIDENT_REPORTED) + "-value", IncidentReported.getClassSchema());
        subjects.put(Topics.deadLetters(Topics.INCIDENT_TRIAGED) + "-value", IncidentTriaged.getClassSchema());
        Topics.allArsNotifications().forEach(topic -> subjects.put(topic + "-value", ArsNotification.getClassSchema()));
        subjects.put(Topics.NOTIFICATION_UNROUTED + "-value", ArsNotification.getClassSchema());
        subjects.put(Topics.NOTIFICATION_HFDS + "-value", HfdsNotification.getClassSchema());
        subjects.put(Topics.INCIDENT_CAMPAIGNS + "-value", Campaign.getClassSchema());
        subjects.put(Topics.NOTIFICATION_CAMPAIGNS + "-value", CampaignAlert.getClassSchema());
        return subjects;
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
