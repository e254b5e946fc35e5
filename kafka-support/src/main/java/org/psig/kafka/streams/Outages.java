package org.psig.kafka.streams;

import java.io.EOFException;

import org.apache.avro.AvroRuntimeException;

/**
 * Tells a record that is bad from a registry that is away. A bad record is refused for good (a dead
 * letter); anything else that stops a value from being read is an outage, retried until it ends:
 * dead-lettering it would file good reports as bad ones, as a cold schema cache would while the
 * registry is down.
 */
public final class Outages {

    private Outages() {
    }

    /** Whether {@code failure}, thrown while reading a value, says the record itself is unreadable. */
    public static boolean isBadRecord(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AvroRuntimeException || cause instanceof EOFException
                    || cause instanceof ClassCastException || cause instanceof IndexOutOfBoundsException
                    // The registry answered, and has no schema of that id: no retry will find one.
                    || cause.getClass().getSimpleName().endsWith("NotFoundException")) {
                return true;
            }
        }
        return false;
    }

    /** The Confluent wire format: a zero magic byte and a 4-byte schema id before any value. */
    static boolean isWireFormat(byte[] value) {
        return value != null && value.length > 5 && value[0] == 0;
    }
}
