package org.psig.triage.rules;

import java.time.Instant;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.IncidentStatus;

/** Test facts: a resolved report of a Breton site with no impact at all, changed one fact at a time. */
final class Facts {

    static final Instant DETECTED_AT = Instant.parse("2026-11-27T05:40:00Z");

    String finessEt = "350100426";
    boolean essentialOperator;
    IncidentCategory category = IncidentCategory.OTHER;
    DeclaredOrigin origin = DeclaredOrigin.UNKNOWN;
    IncidentStatus status = IncidentStatus.RESOLVED;
    CareSafety careSafety = CareSafety.NONE;
    boolean confidentiality;
    boolean integrity;
    boolean availability;
    boolean breach;
    Functioning functioning = Functioning.NONE;
    boolean degradedMode;
    boolean healthSystemImpact;
    boolean spreadRisk;
    boolean cnilNotified;

    static Facts nothingDeclared() {
        return new Facts();
    }

    Facts category(IncidentCategory value) {
        category = value;
        return this;
    }

    Facts origin(DeclaredOrigin value) {
        origin = value;
        return this;
    }

    Facts status(IncidentStatus value) {
        status = value;
        return this;
    }

    TriageFacts build() {
        return new TriageFacts(finessEt, essentialOperator, DETECTED_AT, category, origin, status, careSafety,
                confidentiality, integrity, availability, breach, functioning, degradedMode, healthSystemImpact,
                spreadRisk, cnilNotified);
    }
}
