package org.psig.devstack.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of Prometheus's HTTP API the monitoring check makes. */
final class PrometheusApi {

    record Target(String job, String url, String health, String lastError) {
    }

    record Rule(String name, String query) {
    }

    record Sample(Map<String, String> labels, double value) {
        @Override
        public String toString() {
            return labels + " " + String.format(Locale.ROOT, "%.3f", value);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    PrometheusApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    List<Target> targets() throws IOException, InterruptedException {
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
            targets.add(new Target(target.path("labels").path("job").asText(), target.path("scrapeUrl").asText(),
                    target.path("health").asText(), target.path("lastError").asText()));
        }
        return targets;
    }

    List<Rule> rules() throws IOException, InterruptedException {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : get("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new Rule(rule.path("name").asText(), rule.path("query").asText()));
            }
        }
        return rules;
    }

    /** An instant query's samples; empty when it returned nothing. */
    List<Sample> query(String expression) throws IOException, InterruptedException {
        JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)).path("data");
        List<Sample> samples = new ArrayList<>();
        if ("scalar".equals(data.path("resultType").asText())) {
            samples.add(new Sample(Map.of(), Double.parseDouble(data.path("result").get(1).asText())));
        } else {
            for (JsonNode sample : data.path("result")) {
                Map<String, String> labels = new TreeMap<>();
                sample.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                samples.add(new Sample(labels, Double.parseDouble(sample.path("value").get(1).asText())));
            }
        }
        return samples;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IOException("Prometheus answered " + response.statusCode() + " to " + path + ": "
                    + body.path("error").asText(response.body()));
        }
        return body;
    }
}
