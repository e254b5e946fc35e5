package org.psig.console.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoardTest {

    private final Board board = new Board();

    @Test
    void shouldShowTheLatestRevisionOfEachIncidentNewestFirstAndKeepEveryRevision() {
        board.add(card("a", 1, "LOW", 10));
        board.add(card("b", 1, "HIGH", 20));
        board.add(card("a", 2, "CRITICAL", 30));
        board.add(card("a", 2, "CRITICAL", 30));

        assertThat(board.incidents(Filter.ALL, 10)).extracting(card -> card.incidentId() + "/" + card.revision())
                .containsExactly("a/2", "b/1");
        assertThat(board.revisions("a")).extracting(IncidentCard::revision).containsExactly(1, 2);
        assertThat(board.incidents(new Filter(null, "LOW", null, null, null, null, null), 10))
                .as("a filter looks at the latest revision").isEmpty();
        assertThat(board.incidents(Filter.ALL, 1)).hasSize(1);
    }

    @Test
    void shouldTellListenersOfEachCardAndNameTheCampaignsOfAnIncident() {
        List<Object> heard = new ArrayList<>();
        board.listen(heard::add);
        IncidentCard card = card("a", 1, "HIGH", 10);
        CampaignCard campaign = new CampaignCard("c-1", "provider-outage", "k", "OPEN",
                List.of(new CampaignCard.Member("a", "750000001", "EHPAD", "11", "PROVIDER_FAILURE", "HIGH", Instant.EPOCH)),
                1, List.of("11"), Instant.EPOCH, Instant.EPOCH, "HIGH", Instant.EPOCH, null);

        board.add(card);
        board.add(campaign);

        assertThat(heard).containsExactly(card, campaign);
        assertThat(board.campaignsOf("a")).containsExactly("c-1");
        assertThat(board.campaignsOf("b")).isEmpty();
    }

    private static IncidentCard card(String id, int revision, String severity, long receivedAt) {
        return new IncidentCard(id, revision, revision == 1 ? "INITIAL" : "UPDATE", Instant.ofEpochSecond(receivedAt),
                "750000001", "EHPAD", "ESMS", "11", "SIGNIFICATIF", "NON_MALICIOUS", severity, "PROVIDER_FAILURE", null,
                "AMBER", null, null, Instant.EPOCH, "s", "d", "ONGOING", List.of(), List.of(), "r");
    }
}
