package org.psig.correlation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderNameTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "Hébergeur SIL; hebergeur sil",
            "HEBERGEUR SIL SAS; hebergeur sil",
            "  hebergeur-sil ; hebergeur sil",
            "Hébergeur  S.I.L.; hebergeur s i l",
            "Télécom Ouest SA; telecom ouest",
            "SAS; sas",
            "Maincare Solutions; maincare solutions",
            "'   '; NULL",
            "'--'; NULL",
            "NULL; NULL"})
    void shouldGiveOneKeyHoweverTheProviderIsSpelt(String declared, String key) {
        assertThat(ProviderName.normalise(declared)).isEqualTo(Optional.ofNullable(key));
    }
}
