package org.psig.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How the command-line tools reach Kafka: {@code PSIG_KAFKA_BOOTSTRAP}, and when the broker
 * authenticates, {@code PSIG_KAFKA_USER} and {@code PSIG_KAFKA_PASSWORD} (SASL/PLAIN), over TLS
 * trusting {@code PSIG_KAFKA_TRUSTSTORE} (PKCS12, password {@code PSIG_KAFKA_TRUSTSTORE_PASSWORD}).
 */
final class Connection {

    private Connection() {
    }

    static Map<String, Object> fromEnvironment() {
        String truststore = env("PSIG_KAFKA_TRUSTSTORE", "");
        Tls tls = truststore.isEmpty() ? null : new Tls(null, Path.of(truststore), env("PSIG_KAFKA_TRUSTSTORE_PASSWORD", ""));
        return of(env("PSIG_KAFKA_BOOTSTRAP", "127.0.0.1:9092"), env("PSIG_KAFKA_USER", ""),
                env("PSIG_KAFKA_PASSWORD", ""), tls);
    }

    /** A client of the broker: anonymous when {@code user} is empty, else that principal, over TLS when {@code tls} is given. */
    static Map<String, Object> of(String bootstrap, String user, String password, Tls tls) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (!user.isEmpty()) {
            config.putAll(sasl(user, password, tls));
        }
        return config;
    }

    /** SASL/PLAIN client settings for one principal, over TLS when {@code tls} is given. */
    static Map<String, Object> sasl(String user, String password, Tls tls) {
        Map<String, Object> config = new HashMap<>(Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, tls == null ? "SASL_PLAINTEXT" : "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, plainLogin(user, password) + ";"));
        if (tls != null) {
            config.putAll(tls.clientSettings());
        }
        return config;
    }

    /** A SASL/PLAIN login entry without its closing semicolon, so a broker's can list its users after it. */
    static String plainLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\"";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
