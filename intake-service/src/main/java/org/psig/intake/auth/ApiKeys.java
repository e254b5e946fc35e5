package org.psig.intake.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.config.IntakeProperties.ApiKey;
import org.springframework.stereotype.Component;

/** Bearer keys, compared by their SHA-256 in constant time; the clear key is never kept or logged. */
@Component
public class ApiKeys {

    private static final String BEARER = "Bearer ";
    private final List<ApiKey> keys;

    ApiKeys(IntakeProperties properties) {
        this.keys = List.copyOf(properties.apiKeys());
    }

    public ApiKey authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("Send your API key as: Authorization: Bearer <api-key>.");
        }
        byte[] presented = sha256(authorizationHeader.substring(BEARER.length()).trim());
        return keys.stream()
                .filter(key -> MessageDigest.isEqual(HexFormat.of().parseHex(key.sha256()), presented))
                .findFirst()
                .orElseThrow(() -> new UnauthenticatedException("The API key is not known."));
    }

    public static void authorize(ApiKey key, String finessEt, String finessEj) {
        if (!key.covers(finessEt, finessEj)) {
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
