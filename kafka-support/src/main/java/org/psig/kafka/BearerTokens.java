package org.psig.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bearer tokens known by their SHA-256 only (the intake's API keys, the operators' tokens): the
 * clear token is hashed as presented and compared with each known hash in constant time; it is
 * never kept or logged.
 */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    /** Whether an Authorization header uses the Bearer scheme (in any case). */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * The first of {@code known} whose hex SHA-256 ({@code sha256Hex}) is the presented token's;
     * empty when none is, or when the header is no Bearer one.
     */
    public static <T> Optional<T> find(String authorization, List<T> known, Function<T, String> sha256Hex) {
        if (!isBearer(authorization)) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        // Every known hash is compared, so the answer's timing does not tell which one matched.
        T found = null;
        for (T candidate : known) {
            if (MessageDigest.isEqual(HexFormat.of().parseHex(sha256Hex.apply(candidate)), presented) && found == null) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
