package org.psig.kafka.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.psig.kafka.operators.OperatorProperties.Operator;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who the management endpoints see: an operator by its token, anyone else as anonymous, a wrong token refused. */
class OperatorRequestsTest {

    private final OperatorRequests filter = new OperatorRequests(new OperatorProperties(List.of(
            new Operator("astreinte", sha256("token-of-astreinte")), new Operator("noc", sha256("token-of-noc")))));
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    private HttpServletRequest seenWith(String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        filter.doFilter(request, response, chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void shouldSeeTheOperatorOfAKnownTokenInTheOperatorRole() throws Exception {
        HttpServletRequest seen = seenWith("Bearer token-of-noc");

        assertThat(seen.getUserPrincipal().getName()).isEqualTo("noc");
        assertThat(seen.isUserInRole(OperatorRequests.ROLE)).isTrue();
        assertThat(seen.isUserInRole("ADMIN")).isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void shouldLeaveARequestWithoutTokenAnonymous() throws Exception {
        HttpServletRequest seen = seenWith(null);

        assertThat(seen.getUserPrincipal()).isNull();
        assertThat(seen.isUserInRole(OperatorRequests.ROLE)).isFalse();
    }

    @Test
    void shouldLeaveAnotherSchemeToTheServicesOwnSecurity() throws Exception {
        HttpServletRequest seen = seenWith("Basic YW5hbHlzdDpsb2NhbC1kZW1vLWFuYWx5c3Q=");

        assertThat(seen.getUserPrincipal()).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void shouldRefuseATokenOfNoOperatorWith401() throws Exception {
        HttpServletRequest seen = seenWith("Bearer token-of-someone-else");

        assertThat(seen).as("the request went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"management\"");
    }

    @Test
    void shouldSeeNoOperatorWhenNoneIsConfigured() throws Exception {
        new OperatorRequests(new OperatorProperties(null)).doFilter(
                withHeader("Bearer token-of-noc"), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
    }

    private static MockHttpServletRequest withHeader(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
