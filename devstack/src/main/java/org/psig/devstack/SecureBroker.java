package org.psig.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker settings of the secure local stack: SASL/PLAIN over TLS on both listeners, the KRaft
 * StandardAuthorizer, nothing allowed without an ACL, the admin as the only super user. A
 * production cluster would also want SCRAM or OAUTHBEARER rather than PLAIN, and certificates from
 * its own authority rather than the stack's self-signed one.
 */
final class SecureBroker {

    private SecureBroker() {
    }

    /** Lines that override the plain listeners of the broker's server.properties. */
    static List<String> serverProperties(Credentials credentials, int port, int controllerPort, Tls tls) {
        String jaas = brokerLogin(credentials, " ");
        List<String> lines = new ArrayList<>(List.of(
                "listeners=BROKER://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=BROKER://127.0.0.1:" + port,
                "listener.security.protocol.map=BROKER:SASL_SSL,CONTROLLER:SASL_SSL",
                "inter.broker.listener.name=BROKER",
                "controller.listener.names=CONTROLLER",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.broker.plain.sasl.jaas.config=" + jaas,
                "listener.name.controller.plain.sasl.jaas.config=" + jaas,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + Credentials.ADMIN,
                "allow.everyone.if.no.acl.found=false"));
        lines.addAll(tls.brokerSettings());
        return lines;
    }

    /** The broker's own login (as admin) followed by every principal it accepts, {@code separator} between them. */
    static String brokerLogin(Credentials credentials, String separator) {
        String users = credentials.passwords().entrySet().stream()
                .map(entry -> "user_" + entry.getKey() + "=\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(separator));
        return Connection.plainLogin(Credentials.ADMIN, credentials.password(Credentials.ADMIN)) + separator + users + ";";
    }
}
