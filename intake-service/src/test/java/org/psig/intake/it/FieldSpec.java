package org.psig.intake.it;

import java.util.Set;

/** One leaf field of a report, e.g. {@code incident.category}: whether it is required, and its enum values. */
record FieldSpec(boolean required, Set<String> enumValues) {
}
