package org.psig.schemas;

import java.util.Map;

/**
 * Apicurio serde settings that write and read the Confluent wire format (magic byte 0 and a 4-byte
 * schema id in the payload, ids as served by {@code /apis/ccompat/v7}), for clients built by hand.
 * Services get the same settings from {@code psig-kafka.yml}.
 */
public final class WireFormat {

    private WireFormat() {
    }

    /** Serializer or deserializer properties for the registry at {@code registryUrl} (its base URL). */
    public static Map<String, Object> serdeConfig(String registryUrl) {
        return Map.of(
                "apicurio.registry.url", registryUrl + "/apis/registry/v2",
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.as-confluent", true,
                "apicurio.registry.use-id", "contentId");
    }
}
