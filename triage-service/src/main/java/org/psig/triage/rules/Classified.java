package org.psig.triage.rules;

import org.psig.triage.rules.Enums.LegalQualification;
import org.psig.triage.rules.Enums.Maliciousness;

/** The facts of a report with its qualification and maliciousness, which the later rules read. */
record Classified(TriageFacts facts, LegalQualification qualification, Maliciousness maliciousness) {
}
