package org.psig.devstack.monitoring;

import java.util.stream.Collectors;

/**
 * Prints an instant query's samples, labels and value, on one line (nothing when it returns
 * nothing), for scripts:
 * PSIG_QUERY holds the expression, PSIG_PROMETHEUS_URL the server (default http://127.0.0.1:9090).
 */
public final class Query {

    private Query() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("PSIG_PROMETHEUS_URL", "http://127.0.0.1:9090");
        System.out.println(new PrometheusApi(url).query(System.getenv("PSIG_QUERY")).stream()
                .map(PrometheusApi.Sample::toString).collect(Collectors.joining(", ")));
    }
}
