package org.psig.correlation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psig.correlation.rules.Seen.ORIGIN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CampaignTrackerTest {

    private static final Instant NOW = ORIGIN.plus(Duration.ofHours(3));
    private static final List<String> REGIONS = List.of("11", "84", "93");

    /** 40 EHPAD in three regions, the same provider failing, within two hours. */
    private static List<Sighting> providerOutage() {
        return IntStream.range(0, 40).mapToObj(i -> Seen.outage(i, REGIONS.get(i % 3),
                i % 2 == 0 ? "Hébergeur SIL" : "HEBERGEUR SIL SAS", i * 3.0 / 60)).toList();
    }

    @Test
    void shouldFindOneCampaignOfFortyAndPageAtTheGrowthStepsOnly() {
        List<Sighting> unrelated = List.of(Seen.phishing(100, "53", 0.5), Seen.phishing(101, "28", 0.6),
                Seen.outage(102, "11", "Autre hébergeur", 0.7), Seen.of("SOFTWARE_BUG", "NON_MALICIOUS", "LOW", 103, "11",
                        "Hébergeur SIL", 0.8), Seen.of("RANSOMWARE", "MALICIOUS", "CRITICAL", 104, "53", null, 1));
        List<Sighting> all = new ArrayList<>(providerOutage());
        all.addAll(2, unrelated);

        Tracks tracks = new Tracks().seeAll(all, NOW);

        assertThat(tracks.alertSummary()).containsExactly("provider-outage OPENED 3", "provider-outage GREW 5",
                "provider-outage GREW 10", "provider-outage GREW 20");
        assertThat(tracks.campaigns()).hasSize(1);
        CampaignView campaign = tracks.campaigns().values().iterator().next();
        assertThat(campaign.members()).extracting(Sighting::incidentId)
                .containsExactlyInAnyOrderElementsOf(providerOutage().stream().map(Sighting::incidentId).toList());
        assertThat(campaign.key()).isEqualTo("PROVIDER_FAILURE|hebergeur sil");
        assertThat(campaign.regions()).containsExactly("11", "84", "93");
        assertThat(campaign.establishments()).isEqualTo(40);
        assertThat(campaign.open()).isTrue();
    }

    @Test
    void shouldGiveTheSameCampaignIdWhateverTheOrderTheFirstMembersArriveIn() {
        List<Sighting> outage = providerOutage();
        List<Sighting> shuffled = new ArrayList<>(outage);
        Collections.shuffle(shuffled.subList(0, 3), new Random(7));
        Collections.reverse(shuffled.subList(0, 3));

        String once = new Tracks().seeAll(outage, NOW).campaigns().keySet().iterator().next();
        String again = new Tracks().seeAll(outage, NOW).campaigns().keySet().iterator().next();
        String reordered = new Tracks().seeAll(shuffled, NOW).campaigns().keySet().iterator().next();

        assertThat(again).isEqualTo(once);
        assertThat(reordered).isEqualTo(once);
    }

    @Test
    void shouldFindARegionalPhishingWaveWithinTwentyFourHours() {
        List<Sighting> wave = List.of(Seen.phishing(1, "53", 0), Seen.phishing(2, "53", 11), Seen.phishing(3, "53", 23.9));

        Tracks tracks = new Tracks().seeAll(wave, ORIGIN.plus(Duration.ofHours(25)));

        assertThat(tracks.alertSummary()).containsExactly("regional-malicious-wave OPENED 3");
        assertThat(tracks.campaigns().values().iterator().next().key()).isEqualTo("53|PHISHING");
    }

    @Test
    void shouldOpenAtTheThirdEstablishmentWhenItsReportFallsBetweenTheOtherTwo() {
        List<Sighting> middleLast = List.of(Seen.outage(0, "11", "Hébergeur SIL", 0), Seen.outage(2, "84", "Hébergeur SIL", 0.1),
                Seen.outage(1, "93", "Hébergeur SIL", 0.05));

        assertThat(new Tracks().seeAll(middleLast, NOW).alertSummary()).containsExactly("provider-outage OPENED 3");
    }

    @Test
    void shouldFindAWaveWhoseLateReportWasDetectedFirst() {
        List<Sighting> earliestLast = List.of(Seen.phishing(2, "53", 10), Seen.phishing(3, "53", 20), Seen.phishing(1, "53", 0));

        assertThat(new Tracks().seeAll(earliestLast, NOW).alertSummary()).containsExactly("regional-malicious-wave OPENED 3");
    }

    @Test
    void shouldFindNoWaveInTheSameReportsSpreadOverTwentyFiveHours() {
        List<Sighting> spread = List.of(Seen.phishing(1, "53", 0), Seen.phishing(2, "53", 12.5), Seen.phishing(3, "53", 25));

        Tracks tracks = new Tracks().seeAll(spread, ORIGIN.plus(Duration.ofHours(26)));

        assertThat(tracks.changes).isEmpty();
    }

    @Test
    void shouldNotCountOneEstablishmentReportingThreeTimesAsACampaign() {
        List<Sighting> sameSite = List.of(Seen.phishing(1, "53", 0), Seen.phishing(1, "53", 1), Seen.phishing(1, "53", 2),
                Seen.phishing(2, "53", 3));

        assertThat(new Tracks().seeAll(sameSite, NOW).changes).isEmpty();
    }

    @Test
    void shouldNotMixRegionsInARegionalWave() {
        List<Sighting> threeRegions = List.of(Seen.phishing(1, "53", 0), Seen.phishing(2, "52", 1), Seen.phishing(3, "11", 2));

        assertThat(new Tracks().seeAll(threeRegions, NOW).changes).isEmpty();
    }

    @Test
    void shouldUpdateAMembersRevisionWithoutPagingOrCountingItTwice() {
        List<Sighting> outage = providerOutage().subList(0, 4);
        Tracks tracks = new Tracks().seeAll(outage, NOW);

        tracks.see(Seen.revised(outage.get(1), "CRITICAL"), NOW);

        assertThat(tracks.alertSummary()).containsExactly("provider-outage OPENED 3");
        CampaignView campaign = tracks.campaigns().values().iterator().next();
        assertThat(campaign.members()).hasSize(4);
        assertThat(campaign.highestSeverity()).isEqualTo("CRITICAL");
    }

    @Test
    void shouldCloseOnceTheWindowHasPassedItsLastMemberAndForgetTheKey() {
        Tracks tracks = new Tracks().seeAll(providerOutage().subList(0, 6), NOW);
        Instant lastSeen = providerOutage().get(5).detectedAt();

        tracks.expire(lastSeen.plus(Duration.ofHours(6)));
        assertThat(tracks.alertSummary()).doesNotContain("provider-outage CLOSED 6");

        tracks.expire(lastSeen.plus(Duration.ofHours(6)).plusSeconds(1));
        tracks.expire(lastSeen.plus(Duration.ofHours(7)));

        assertThat(tracks.alertSummary()).containsExactly("provider-outage OPENED 3", "provider-outage GREW 5",
                "provider-outage CLOSED 6");
        assertThat(tracks.campaigns().values().iterator().next().open()).isFalse();
        assertThat(tracks.remembered()).isZero();
    }

    @Test
    void shouldCloseTheOldCampaignAndStartOverWhenAReportComesAfterItsWindow() {
        Tracks tracks = new Tracks().seeAll(providerOutage().subList(0, 3), NOW);

        List<Sighting> later = List.of(Seen.outage(50, "11", "Hébergeur SIL", 20), Seen.outage(51, "11", "Hébergeur SIL", 21),
                Seen.outage(52, "84", "Hébergeur SIL", 22));
        tracks.seeAll(later, NOW.plus(Duration.ofHours(20)));

        assertThat(tracks.alertSummary()).containsExactly("provider-outage OPENED 3", "provider-outage CLOSED 3",
                "provider-outage OPENED 3");
        assertThat(tracks.campaigns()).hasSize(2);
    }

    @Test
    void shouldPageEachStepOnceUpToAHundredAndBeyond() {
        List<Sighting> big = IntStream.range(0, 120).mapToObj(i -> Seen.outage(i, "11", "Hébergeur SIL", i / 60.0)).toList();

        Tracks tracks = new Tracks().seeAll(big, NOW);

        assertThat(tracks.alerts()).extracting(CampaignChange.Alert::step).containsExactly(3, 5, 10, 20, 50, 100);
        assertThat(tracks.changes).hasSize(118);
    }
}
