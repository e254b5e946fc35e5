package org.psig.intake.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psig.intake.memory.KnownIncidents;
import org.psig.intake.report.IncidentIds;
import org.psig.testsupport.Samples;
import org.springframework.http.MediaType;

/** Who may report for which establishment: keys bound to sites (ET) or to the sites configured for a legal entity (EJ). */
class AuthenticationTest extends IntakeWebTestBase {

    private static final String BRETAGNE_SITE_KEY = "Bearer bretagne-site-key";
    private static final String BRETAGNE_EJ_KEY = "Bearer bretagne-ej-key";
    private static final String PACA_KEY = "Bearer paca-key";

    @Test
    void shouldRefuseAReportWithoutKey() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(SAMPLE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:unauthenticated"));
        verify(publisher, never()).publish(any(), anyLong());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Bearer guessed-key", "Bearer ", "Basic bG9jYWwtZGVtby1rZXk=", "local-demo-key",
            "Bearer local-demo-key-and-more"})
    void shouldRefuseAnUnknownKeyOrScheme(String authorization) throws Exception {
        postReport(SAMPLE, authorization)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:unauthenticated"));
        verify(publisher, never()).publish(any(), anyLong());
    }

    @Test
    void shouldRefuseAnUnauthenticatedRequestBeforeReadingItsBody() throws Exception {
        postReport("not even JSON", "Bearer guessed-key").andExpect(status().isUnauthorized());
    }

    @Test
    void shouldAcceptTheSiteItsKeyCovers() throws Exception {
        postReport(SAMPLE, BRETAGNE_SITE_KEY).andExpect(status().isAccepted());
    }

    @Test
    void shouldAcceptAnySiteOfTheLegalEntityItsKeyCovers() throws Exception {
        postReport(SAMPLE, BRETAGNE_EJ_KEY).andExpect(status().isAccepted());
    }

    @Test
    void shouldRefuseASiteNotListedForTheLegalEntityThatDeclaresItsEntity() throws Exception {
        String unlisted = Bodies.with(SAMPLE, "/establishment/finessEt", "\"350002812\"");

        postReport(unlisted, BRETAGNE_EJ_KEY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:forbidden-establishment"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("350002812")));
        verify(publisher, never()).publish(any(), anyLong());
    }

    @Test
    void shouldAcceptAListedSiteOfTheLegalEntityThatDoesNotDeclareItsEntity() throws Exception {
        postReport(Bodies.without(SAMPLE, "/establishment/finessEj"), BRETAGNE_EJ_KEY).andExpect(status().isAccepted());
    }

    @Test
    void shouldRefuseAnEstablishmentTheKeyDoesNotCoverWith403() throws Exception {
        postReport(SAMPLE, PACA_KEY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:forbidden-establishment"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("350100426")));
        verify(publisher, never()).publish(any(), anyLong());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer bretagne-site-key", "Bearer bretagne-ej-key"})
    void shouldRefuseASiteOfAnotherLegalEntity(String authorization) throws Exception {
        postReport(Samples.report("data-leak-esms-paca"), authorization).andExpect(status().isForbidden());
        verify(publisher, never()).publish(any(), anyLong());
    }

    @Test
    void shouldHideReportsOfEstablishmentsTheKeyDoesNotCover() throws Exception {
        UUID kerlann = IncidentIds.of("350100426", "KER-2026-0042");
        when(index.find(kerlann)).thenReturn(Optional.of(KnownIncidents.initial(kerlann, "f", Instant.EPOCH, "350100426",
                "350100434")));

        mvc.perform(get(PATH + "/" + kerlann).header("Authorization", PACA_KEY)).andExpect(status().isNotFound());
        mvc.perform(get(PATH + "/" + kerlann).header("Authorization", BRETAGNE_EJ_KEY)).andExpect(status().isOk());
    }

    @Test
    void shouldHideAReportOfASiteNotListedForTheEntityItDeclares() throws Exception {
        UUID unlisted = IncidentIds.of("350002812", "KER-2026-0099");
        when(index.find(unlisted)).thenReturn(Optional.of(KnownIncidents.initial(unlisted, "f", Instant.EPOCH, "350002812",
                "350100434")));

        mvc.perform(get(PATH + "/" + unlisted).header("Authorization", BRETAGNE_EJ_KEY)).andExpect(status().isNotFound());
        mvc.perform(get(PATH + "/" + unlisted).header("Authorization", DEMO_KEY)).andExpect(status().isOk());
    }
}
