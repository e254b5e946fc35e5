package org.psig.kafka.streams;

import java.nio.charset.StandardCharsets;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

/**
 * One trace per report across the services: a record is processed in an observation that continues
 * the trace its headers carry, its log lines carry that traceId and its incidentId, and each record
 * it sends carries the trace on (W3C traceparent) to the next hop.
 */
final class RecordTracing {

    private final ObservationRegistry observations;

    RecordTracing(ObservationRegistry observations) {
        this.observations = observations;
    }

    void observe(Headers headers, String topic, String incidentId, Runnable work) {
        ReceiverContext<Headers> context = new ReceiverContext<>((carrier, key) -> {
            Header header = carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        context.setCarrier(headers);
        context.setRemoteServiceName("kafka");
        try (MDC.MDCCloseable incident = MDC.putCloseable("incidentId", incidentId)) {
            Observation.createNotStarted("psig.record", () -> context, observations)
                    .contextualName(topic + " process")
                    .lowCardinalityKeyValue("topic", topic)
                    .observe(work);
        }
    }

    /** Fresh headers for a record sent to {@code topic}, carrying the current trace. */
    Headers outgoing(String topic) {
        Headers headers = new RecordHeaders();
        SenderContext<Headers> context = new SenderContext<>((carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        context.setCarrier(headers);
        context.setRemoteServiceName("kafka");
        Observation.createNotStarted("psig.send", () -> context, observations)
                .contextualName(topic + " send")
                .lowCardinalityKeyValue("topic", topic)
                .start().stop();
        return headers;
    }
}
