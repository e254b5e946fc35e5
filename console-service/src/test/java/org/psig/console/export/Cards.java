package org.psig.console.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.psig.console.board.CampaignCard;
import org.psig.console.board.IncidentCard;

/** Cards for export tests: a ransomware attack, and the provider-outage story's campaign. */
final class Cards {

    static final Instant RECEIVED = Instant.parse("2026-11-27T05:45:00Z");

    private Cards() {
    }

    static IncidentCard ransomware() {
        return new IncidentCard("f9a9222a-45fe-3d58-96b8-58839206790b", 1, "INITIAL", RECEIVED, "350100426",
                "Centre hospitalier de Kerlann", "ES", "53", "SIGNIFICATIF", "MALICIOUS", "CRITICAL", "RANSOMWARE", null,
                "AMBER_STRICT", "information-content-security", "unauthorised-information-modification", Instant.parse("2026-11-27T05:40:00Z"),
                "Rançongiciel sur les serveurs du DPI", "Chiffrement des serveurs de production.", "ONGOING",
                List.of(new IncidentCard.Deadline("ANSSI_NOTIFICATION", Instant.parse("2026-11-27T05:40:00Z"))),
                List.of("Severity CRITICAL: the establishment's functioning is interrupted."), "2026.11-2");
    }

    static IncidentCard outage(int n, String tlp) {
        return new IncidentCard(id(n), 1, "INITIAL", RECEIVED.plusSeconds(60L * n), "75000" + String.format("%04d", n),
                "EHPAD Les Tilleuls n°" + n, "ESMS", List.of("11", "84", "93").get(n % 3), "SIGNIFICATIF",
                "NON_MALICIOUS", "HIGH", "PROVIDER_FAILURE", "Hébergeur SIL", tlp, "availability", "outage",
                RECEIVED.plusSeconds(30L * n), "Indisponibilité de l'hébergeur", "L'hébergeur du SIL est indisponible.",
                "ONGOING", List.of(), List.of("Severity HIGH: degraded functioning."), "2026.11-2");
    }

    static CampaignCard story(int members) {
        List<CampaignCard.Member> all = new ArrayList<>();
        for (int n = 0; n < members; n++) {
            IncidentCard card = outage(n, "AMBER");
            all.add(new CampaignCard.Member(card.incidentId(), card.finessEt(), card.establishmentName(), card.regionCode(),
                    card.category(), card.severity(), card.detectedAt()));
        }
        return new CampaignCard("5f79be01-e331-3e6e-8457-755f84909f6d", "provider-outage", "PROVIDER_FAILURE|hebergeur sil",
                "OPEN", all, members, List.of("11", "84", "93"), RECEIVED, RECEIVED.plusSeconds(30L * (members - 1)), "HIGH",
                RECEIVED.plusSeconds(120), null);
    }

    /** The board's verdicts of the story's members; the last one unknown to it. */
    static Optional<IncidentCard> known(String incidentId, int members) {
        for (int n = 0; n < members - 1; n++) {
            if (id(n).equals(incidentId)) {
                return Optional.of(outage(n, n == 1 ? "AMBER_STRICT" : "AMBER"));
            }
        }
        return Optional.empty();
    }

    private static String id(int n) {
        return UUID.nameUUIDFromBytes(("story-" + n).getBytes()).toString();
    }
}
