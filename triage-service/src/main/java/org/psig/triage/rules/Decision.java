package org.psig.triage.rules;

/** One part of a verdict and the sentence that explains it to an analyst. */
record Decision<T>(T value, String reason) {
}
