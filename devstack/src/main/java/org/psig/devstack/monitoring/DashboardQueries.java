package org.psig.devstack.monitoring;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every PromQL expression of a Grafana dashboard (panels, and panels inside rows), with Grafana's
 * interval variables replaced by a plain range so that Prometheus can run them as they are.
 */
public final class DashboardQueries {

    /** What $__rate_interval stands for in a check: four 5 s scrapes and some. */
    static final String RANGE = "1m";

    private DashboardQueries() {
    }

    public static List<String> of(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        collect(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void collect(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asText()
                            .replace("$__rate_interval", RANGE).replace("$__interval", RANGE).replace("$__range", RANGE));
                }
            }
            collect(panel.path("panels"), expressions);
        }
    }
}
