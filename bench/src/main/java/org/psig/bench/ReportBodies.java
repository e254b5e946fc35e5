package org.psig.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.psig.schemas.DeclaredOrigin;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentStatus;

/**
 * Realistic report bodies: every ARS region (and a Wallis-et-Futuna site no ARS covers), every
 * category, varied impacts, unique references, valid FINESS check digits; about 1.5 KB each.
 */
final class ReportBodies {

    /** One site prefix per recipient: the 18 ARS in contract order, then Wallis-et-Futuna (unrouted). */
    static final List<String> SITE_PREFIXES = List.of("9701", "9702", "9703", "9704", "9805", "75", "45", "21", "76",
            "59", "67", "44", "35", "33", "31", "69", "13", "2A", "9806");
    static final List<String> CATEGORIES = names(IncidentCategory.values());
    private static final List<String> ORIGINS = names(DeclaredOrigin.values());
    private static final List<String> STATUSES = names(IncidentStatus.values());
    private static final List<String> CARE = List.of("NONE", "NONE", "POTENTIAL", "PROVEN");
    private static final List<String> FUNCTIONING = List.of("NONE", "DEGRADED", "INTERRUPTED");
    private static final String DESCRIPTION = "Les postes du service des urgences affichent un message de "
            + "rançon depuis 6h40 ; le dossier patient informatisé et le serveur d'imagerie ne répondent plus. "
            + "Les équipes ont basculé en procédures dégradées papier, le standard reste joignable. Le prestataire "
            + "d'infogérance a isolé le réseau des serveurs de production et analyse les journaux du pare-feu. "
            + "Aucune exfiltration n'est confirmée à ce stade ; une plainte sera déposée et l'appui du CERT Santé "
            + "est demandé pour qualifier l'attaque et restaurer les sauvegardes.";

    private final String run;
    private final Random random;

    ReportBodies(String run, long seed) {
        this.run = run;
        this.random = new Random(seed);
    }

    /** A report and the incidentId the intake will give it. */
    record Report(UUID incidentId, String finessEt, byte[] body) {
    }

    Report next(long sequence) {
        String finessEt = finess(SITE_PREFIXES.get((int) (sequence % SITE_PREFIXES.size())));
        String reference = "BENCH-" + run + "-" + sequence;
        String category = CATEGORIES.get((int) (sequence % CATEGORIES.size()));
        String detectedAt = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(5 + random.nextInt(600))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String body = "{\"declarantReference\":\"" + reference + "\","
                + "\"establishment\":{\"finessEt\":\"" + finessEt + "\",\"name\":\"Centre hospitalier de test "
                + sequence + "\",\"type\":\"" + (sequence % 3 == 0 ? "ESMS" : "ES") + "\",\"finessCategory\":\"355\","
                + "\"essentialOperator\":" + (sequence % 7 == 0) + "},"
                + "\"declarant\":{\"name\":\"Responsable sécurité\",\"role\":\"RSSI\",\"email\":\"rssi@example.org\","
                + "\"phone\":\"+33 1 00 00 00 00\"},"
                + "\"incident\":{\"detectedAt\":\"" + detectedAt + "\",\"summary\":\"Incident de test " + category
                + "\",\"description\":\"" + DESCRIPTION + "\",\"category\":\"" + category + "\",\"declaredOrigin\":\""
                + pick(ORIGINS) + "\",\"status\":\"" + pick(STATUSES) + "\",\"affectedSystems\":[\"PATIENT_RECORD\","
                + "\"IMAGING\"],\"provider\":\"Infogérant Exemple\"},"
                + "\"impacts\":{\"careSafety\":\"" + pick(CARE) + "\",\"dataConfidentiality\":" + random.nextBoolean()
                + ",\"dataIntegrity\":" + random.nextBoolean() + ",\"dataAvailability\":" + random.nextBoolean()
                + ",\"personalDataBreach\":" + (random.nextInt(4) == 0) + ",\"functioning\":\"" + pick(FUNCTIONING)
                + "\",\"degradedMode\":" + random.nextBoolean() + ",\"healthSystemImpact\":" + (random.nextInt(5) == 0)
                + ",\"spreadRisk\":" + (random.nextInt(5) == 0) + "},"
                + "\"actions\":{\"cnilNotified\":false,\"complaintFiled\":true,\"certSupportRequested\":true}}";
        return new Report(incidentId(finessEt, reference), finessEt, body.getBytes(StandardCharsets.UTF_8));
    }

    /** As the intake computes it: a name-based UUID of (site FINESS, declarant reference). */
    static UUID incidentId(String finessEt, String reference) {
        return UUID.nameUUIDFromBytes(("psig-incident-v1|" + finessEt + "|" + reference).getBytes(StandardCharsets.UTF_8));
    }

    private String finess(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < 8) {
            digits.append(random.nextInt(10));
        }
        if (prefix.startsWith("2")  && !Character.isDigit(prefix.charAt(1))) {
            return digits.append(random.nextInt(10)).toString();
        }
        return digits.append(checkDigit(digits.toString())).toString();
    }

    /** The Luhn digit that makes the number pass, as real FINESS numbers do. */
    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < eightDigits.length(); i++) {
            int digit = eightDigits.charAt(eightDigits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
