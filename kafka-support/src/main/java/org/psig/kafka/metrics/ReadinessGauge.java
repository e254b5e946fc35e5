package org.psig.kafka.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code psig_ready}: 1 while the service's readiness group is UP, else 0, read at each scrape. A
 * process that answers the scrape may still be unable to do its work (Kafka away, memories still
 * loading); {@code up} alone would call it healthy.
 */
public final class ReadinessGauge implements MeterBinder {

    private final ObjectProvider<HealthEndpoint> health;

    public ReadinessGauge(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("psig.ready", this, ReadinessGauge::value)
                .description("1 while the service's readiness health group is UP, else 0")
                .register(meters);
    }

    private double value() {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
