package org.psig.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./psig up --secure} helpers: the broker's SASL, TLS and authorizer settings (the TLS stores
 * made beside the credentials on first use), the ACLs, and the local passwords.
 *
 * <pre>
 * Secure server-properties CREDENTIALS PORT CONTROLLER_PORT   lines to add to server.properties
 * Secure apply-acls CREDENTIALS                               creates the ACLs, as admin
 * Secure password CREDENTIALS PRINCIPAL                        prints one principal's password
 * Secure compose-files CREDENTIALS DIR                         the files docker-compose.secure.yml mounts
 * </pre>
 */
public final class Secure {

    private Secure() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        Credentials credentials = Credentials.loadOrCreate(Path.of(args[1]));
        switch (args[0]) {
            case "server-properties" -> {
                if (args.length != 4) {
                    usage();
                }
                SecureBroker.serverProperties(credentials, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                        Tls.ensure(Path.of(args[1]).toAbsolutePath().getParent())).forEach(System.out::println);
            }
            case "apply-acls" -> {
                String bootstrap = Connection.env("PSIG_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
                int count = applyAcls(bootstrap, credentials, Tls.ensure(Path.of(args[1]).toAbsolutePath().getParent()));
                System.out.println(count + " ACLs in place");
            }
            case "compose-files" -> {
                if (args.length != 3) {
                    usage();
                }
                ComposeFiles.write(credentials, Path.of(args[1]), Path.of(args[2]));
                System.out.println("wrote the secure compose files to " + args[2]);
            }
            case "password" -> {
                if (args.length != 3) {
                    usage();
                }
                System.out.println(credentials.password(args[2]));
            }
            default -> usage();
        }
    }

    /** Creates every ACL of the access plan (creating an existing one again changes nothing). */
    static int applyAcls(String bootstrap, Credentials credentials, Tls tls) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Connection.of(bootstrap, Credentials.ADMIN,
                credentials.password(Credentials.ADMIN), tls))) {
            var bindings = AccessPlan.bindings();
            admin.createAcls(bindings).all().get();
            return bindings.size();
        }
    }

    private static void usage() {
        System.err.println(String.join("\n", List.of(
                "usage: Secure server-properties CREDENTIALS PORT CONTROLLER_PORT",
                "       Secure apply-acls CREDENTIALS",
                "       Secure password CREDENTIALS PRINCIPAL",
                "       Secure compose-files CREDENTIALS DIR")));
        System.exit(2);
    }
}
