package org.psig.kafka.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.serialization.Deserializer;

/** What every processor of a service shares: how values are read, its meters and its traces. */
public record StreamsParts(Deserializer<Object> deserializer, MeterRegistry meters, ObservationRegistry observations) {
}
