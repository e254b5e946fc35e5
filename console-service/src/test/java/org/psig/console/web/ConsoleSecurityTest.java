package org.psig.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.psig.console.board.Board;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Only signed-in analysts see the board; every page carries the Content-Security-Policy. */
@WebMvcTest(ConsoleApi.class)
@Import({SecurityConfiguration.class, ConsoleSecurityTest.Beans.class})
@TestPropertySource(properties = {
        "psig.console.analysts[0].name=analyst",
        "psig.console.analysts[0].password-hash=$2a$10$eDis6R8Fs6/7rg6oAKEu.e.DJinhs48lIW8HTDWmKfwPVyQi8e7TO"})
class ConsoleSecurityTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void shouldRefuseTheApiWithoutValidCredentials() throws Exception {
        mvc.perform(get("/api/incidents")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/incidents").header("Authorization", basic("analyst", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/incidents").header("Authorization", basic("analyst", "local-demo-analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
    }

    @Test
    void shouldSendABrowserToTheSignInPage() throws Exception {
        mvc.perform(get("/").accept("text/html")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void shouldSendTheContentSecurityPolicyWithEveryAnswer() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Content-Security-Policy",
                SecurityConfiguration.CONTENT_SECURITY_POLICY));
        mvc.perform(get("/api/vocabulary").header("Authorization", basic("analyst", "local-demo-analyst")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(jsonPath("$.region.length()").value(18));
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).doesNotContain("unsafe");
    }

    @Test
    void shouldAnswer404ForAnExportOfAnUnknownIncident() throws Exception {
        mvc.perform(get("/api/incidents/nope/stix").header("Authorization", basic("analyst", "local-demo-analyst")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseToStartWithoutAnyAnalyst() {
        new ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("no analyst may sign in"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @TestConfiguration
    @EnableConfigurationProperties(ConsoleProperties.class)
    static class Beans {
        @Bean
        Board board() {
            return new Board();
        }
    }

    @EnableConfigurationProperties(ConsoleProperties.class)
    static class PropertiesOnly {
    }
}
