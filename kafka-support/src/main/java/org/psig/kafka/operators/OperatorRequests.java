package org.psig.kafka.operators;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.psig.kafka.BearerTokens;
import org.psig.kafka.operators.OperatorProperties.Operator;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the management endpoints who is an operator: a request bearing a known operator token is
 * seen as that operator, in the {@value #ROLE} role, which the health endpoint requires for its
 * details. A request without a bearer token stays anonymous (probes and scrapes need none; the
 * console's analysts sign in otherwise); a token that matches no operator is answered 401, rather
 * than silently shown less.
 */
public final class OperatorRequests extends OncePerRequestFilter {

    public static final String ROLE = "OPERATOR";

    private final List<Operator> operators;

    public OperatorRequests(OperatorProperties properties) {
        this.operators = properties.operators();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (!BearerTokens.isBearer(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Operator> operator = BearerTokens.find(authorization, operators, Operator::sha256);
        if (operator.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"management\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Not an operator token");
            return;
        }
        chain.doFilter(new OperatorRequest(request, operator.get().name()), response);
    }

    private static final class OperatorRequest extends HttpServletRequestWrapper {

        private final Principal operator;

        OperatorRequest(HttpServletRequest request, String name) {
            super(request);
            this.operator = () -> name;
        }

        @Override
        public Principal getUserPrincipal() {
            return operator;
        }

        @Override
        public String getRemoteUser() {
            return operator.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role);
        }
    }
}
