package org.psig.kafka.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.psig.schemas.Topics;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record refused for good, as it goes to {@code <topic>-dlt}: its own key, bytes and headers, and
 * why, where it came from, in Spring Kafka's standard {@code kafka_dlt-*} headers (which
 * {@code ./psig replay-dlt} strips before sending it back).
 */
public final class DeadLetter {

    private DeadLetter() {
    }

    /** The original headers and the dead-letter ones, as Spring Kafka's recoverer writes them. */
    static Headers headers(Headers original, String topic, int partition, long offset, long timestamp, Throwable reason) {
        Headers headers = new RecordHeaders();
        for (Header header : original) {
            headers.add(header);
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, text(topic));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, text(reason.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, text(String.valueOf(reason.getMessage())));
        return headers;
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
