package org.psig.devstack;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker settings of the secure local stack: SASL/PLAIN on both listeners, the KRaft
 * StandardAuthorizer, nothing allowed without an ACL, the admin as the only super user. PLAIN over
 * a loopback listener keeps the local stack simple; a production cluster wants SASL_SSL and SCRAM.
 */
final class SecureBroker {

    private SecureBroker() {
    }

    /** Lines that override the plain listeners of the broker's server.properties. */
    static List<String> serverProperties(Credentials credentials, int port, int controllerPort) {
        String jaas = brokerLogin(credentials, " ");
        return List.of(
                "listeners=BROKER://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=BROKER://127.0.0.1:" + port,
                "listener.security.protocol.map=BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=BROKER",
                "controller.listener.names=CONTROLLER",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.broker.plain.sasl.jaas.config=" + jaas,
                "listener.name.controller.plain.sasl.jaas.config=" + jaas,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + Credentials.ADMIN,
                "allow.everyone.if.no.acl.found=false");
    }

    /** The broker's own login (as admin) followed by every principal it accepts, {@code separator} between them. */
    static String brokerLogin(Credentials credentials, String separator) {
        String users = credentials.passwords().entrySet().stream()
                .map(entry -> "user_" + entry.getKey() + "=\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(separator));
        return Connection.plainLogin(Credentials.ADMIN, credentials.password(Credentials.ADMIN)) + separator + users + ";";
    }
}
