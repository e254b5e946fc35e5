package org.psig.intake.auth;

import java.util.List;
import java.util.Map;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.config.IntakeProperties.ApiKey;
import org.psig.kafka.BearerTokens;
import org.springframework.stereotype.Component;

/**
 * Bearer keys, compared by their SHA-256 in constant time; the clear key is never kept or logged.
 * Each key is known by the sites it reaches ({@link Caller}).
 */
@Component
public class ApiKeys {

    private final List<Map.Entry<ApiKey, Caller>> keys;

    ApiKeys(IntakeProperties properties) {
        this.keys = properties.apiKeys().stream()
                .map(key -> Map.entry(key, Caller.of(key, properties.legalEntities()))).toList();
    }

    public Caller authenticate(String authorizationHeader) {
        if (!BearerTokens.isBearer(authorizationHeader)) {
            throw new UnauthenticatedException("Send your API key as: Authorization: Bearer <api-key>.");
        }
        return BearerTokens.find(authorizationHeader, keys, key -> key.getKey().sha256())
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new UnauthenticatedException("The API key is not known."));
    }

    public static void authorize(Caller caller, String finessEt) {
        if (!caller.covers(finessEt)) {
            throw new ForbiddenEstablishmentException("This API key may not report for establishment " + finessEt + ".");
        }
    }
}
