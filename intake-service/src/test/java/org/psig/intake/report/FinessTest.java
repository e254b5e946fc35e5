package org.psig.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psig.schemas.EstablishmentType;

class FinessTest {

    @ParameterizedTest(name = "{0} passes")
    @ValueSource(strings = {"350100426", "350100434", "130800915", "310700554", "750110124", "980500771", "980600001"})
    void shouldPassTheSamplesRealNumbers(String finess) {
        assertThat(Finess.passesLuhn(finess)).isTrue();
    }

    @ParameterizedTest(name = "{0} fails")
    @ValueSource(strings = {"350100427", "350100436", "130800910"})
    void shouldFailAWrongCheckDigit(String finess) {
        assertThat(Finess.passesLuhn(finess)).isFalse();
    }

    @Test
    void shouldWarnForEachNumberThatFailsAndNeverForCorsica() {
        var establishment = new IncidentReportRequest.Establishment("2A0000011", "350100436", "CH", EstablishmentType.ES,
                null, null);

        assertThat(Finess.warnings(establishment)).singleElement().asString()
                .startsWith("/establishment/finessEj: 350100436 fails the FINESS check digit");
    }
}
