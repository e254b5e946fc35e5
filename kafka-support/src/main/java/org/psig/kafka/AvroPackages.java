package org.psig.kafka;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it was not told to trust; every
 * service calls {@link #trust()} before Spring starts.
 */
public final class AvroPackages {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String GENERATED = "org.psig.schemas";

    private AvroPackages() {
    }

    public static void trust() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, GENERATED);
        } else if (!current.contains(GENERATED)) {
            System.setProperty(PROPERTY, current + "," + GENERATED);
        }
    }
}
