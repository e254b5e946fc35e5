package org.psig.intake.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.config.IntakeProperties.ApiKey;
import org.springframework.stereotype.Component;

/**
 * Bearer keys, compared by their SHA-256 in constant time; the clear key is never kept or logged.
 * Each key is known by the sites it reaches ({@link Caller}).
 */
@Component
public class ApiKeys {

    private static final String BEARER = "Bearer ";
    private final List<Map.Entry<ApiKey, Caller>> keys;

    ApiKeys(IntakeProperties properties) {
        this.keys = properties.apiKeys().stream()
                .map(key -> Map.entry(key, Caller.of(key, properties.legalEntities()))).toList();
    }

    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("Send your API key as: Authorization: Bearer <api-key>.");
        }
        byte[] presented = sha256(authorizationHeader.substring(BEARER.length()).trim());
        return keys.stream()
                .filter(key -> MessageDigest.isEqual(HexFormat.of().parseHex(key.getKey().sha256()), presented))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new UnauthenticatedException("The API key is not known."));
    }

    public static void authorize(Caller caller, String finessEt) {
        if (!caller.covers(finessEt)) {
            throw new ForbiddenEstablishmentException("This API key may not report for establishment " + finessEt + ".");
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
