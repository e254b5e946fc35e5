package org.psig.triage.rules;

/** FIRST Traffic Light Protocol 2.0 labels, from the least to the most restrictive. */
public enum Tlp {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The label as TLP 2.0 spells it; {@code AMBER+STRICT} cannot be a Java or Avro name. */
    public String label() {
        return label;
    }

    Tlp atLeast(Tlp other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
