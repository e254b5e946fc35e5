package org.psig.intake.report;

import java.util.ArrayList;
import java.util.List;

/**
 * FINESS number checks beyond their shape. The check digit is not officially documented, but every
 * real numeric FINESS number sampled passes the Luhn mod-10 check, so a failure is a warning for
 * analysts, never a refusal. Corsican numbers (2A/2B) have no known check and are not checked.
 */
public final class Finess {

    private Finess() {
    }

    public static List<String> warnings(IncidentReportRequest.Establishment establishment) {
        List<String> warnings = new ArrayList<>();
        check(establishment.finessEt(), "/establishment/finessEt", warnings);
        check(establishment.finessEj(), "/establishment/finessEj", warnings);
        return warnings;
    }

    private static void check(String finess, String pointer, List<String> warnings) {
        if (finess != null && finess.chars().allMatch(Character::isDigit) && !passesLuhn(finess)) {
            warnings.add(pointer + ": " + finess + " fails the FINESS check digit (Luhn); the report is accepted "
                    + "and analysts will verify the number");
        }
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
