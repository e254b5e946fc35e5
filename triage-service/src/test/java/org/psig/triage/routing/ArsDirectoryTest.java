package org.psig.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArsDirectoryTest {

    private final ArsDirectory directory = ArsDirectory.fromClasspath();

    /** Every row of the shipped table: a site numbered with the row's prefix goes to the row's region. */
    static List<String[]> tableRows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(
                ArsDirectory.class.getResourceAsStream(ArsDirectory.TABLE_RESOURCE), StandardCharsets.UTF_8))) {
            csv.readLine();
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                String[] cells = CsvLine.split(line);
                if (!cells[5].isEmpty()) {
                    rows.add(new String[] {cells[5], cells[2]});
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "prefix {0} -> region ''{1}''")
    @MethodSource("tableRows")
    void shouldRouteEveryRowOfTheTable(String prefix, String region) {
        String finess = (prefix + "0000000").substring(0, 9);

        Route route = directory.route(finess);

        assertThat(route.regionCode()).isEqualTo(region.isEmpty() ? null : region);
    }

    @Test
    void shouldCoverNinetySixDepartmentsFiveOverseasArsAndWallis() throws Exception {
        assertThat(tableRows()).hasSize(102);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2A0000018, 94", "2B0000016, 94", "970100018, 01", "970200016, 02", "970300014, 03", "970400012, 04",
        "980500771, 06", "750110124, 11", "350100426, 53", "130800915, 93", "310700554, 76", "010000019, 84"})
    void shouldRouteASiteToItsArs(String finessEt, String region) {
        assertThat(directory.route(finessEt).regionCode()).isEqualTo(region);
    }

    @Test
    void shouldRouteMayotteSiteToArs06RatherThanReunion() {
        assertThat(directory.route("980500771").reason()).contains("Mayotte").contains("06");
    }

    @ParameterizedTest(name = "''{0}'' is unrouted")
    @ValueSource(strings = {"980600001", "975000001", "960000001", "000000001", "200000001", "99", "", "35010042X",
            "3501004260", "2C0000001"})
    void shouldLeaveUnknownOrMalformedFinessUnrouted(String finessEt) {
        Route route = directory.route(finessEt);

        assertThat(route.routed()).isFalse();
        assertThat(route.reason()).startsWith("Unrouted: ");
    }

    @Test
    void shouldSayWallisHasNoArs() {
        assertThat(directory.route("980600001").reason()).contains("Wallis-et-Futuna").contains("has no ARS");
    }

    @Test
    void shouldLeaveANullFinessUnrouted() {
        assertThat(directory.route(null).routed()).isFalse();
    }
}
