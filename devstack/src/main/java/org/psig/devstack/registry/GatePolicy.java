package org.psig.devstack.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what through the registry's gate: anyone may read (the services' serializers and
 * deserializers, Confluent-compatible consumers, the registry's UI); only the holder of the deploy
 * token may write (register a schema, change a rule, delete). Apicurio Registry 2.4 can restrict
 * writes only with an OpenID Connect server, which the local stack does not run.
 */
public final class GatePolicy {

    /** What reads the registry: these methods change nothing there. */
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * Reads that send a schema in a POST: a serializer finding the version of its own schema
     * (Apicurio's metadata by content), a Confluent client asking whether its schema is registered,
     * a search by content. A path that decodes to more segments (an encoded slash) matches none.
     */
    private static final List<Pattern> READS_BY_CONTENT = List.of(
            Pattern.compile("/apis/registry/v2/groups/[^/]+/artifacts/[^/]+/meta"),
            Pattern.compile("/apis/ccompat/v7/subjects/[^/]+"),
            Pattern.compile("/apis/registry/v2/search/artifacts"));
    private static final String BEARER = "Bearer ";

    private final byte[] deployTokenSha256;

    public GatePolicy(String deployToken) {
        if (deployToken == null || deployToken.length() < 16) {
            throw new IllegalArgumentException("the deploy token must have at least 16 characters");
        }
        this.deployTokenSha256 = sha256(deployToken);
    }

    /** Whether a request with this method, decoded path and Authorization header (null when absent) may pass. */
    public boolean allows(String method, String path, String authorization) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (READS.contains(verb) || (verb.equals("POST") && READS_BY_CONTENT.stream().anyMatch(read -> read.matcher(path).matches()))) {
            return true;
        }
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(deployTokenSha256, sha256(authorization.substring(BEARER.length()).trim()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
