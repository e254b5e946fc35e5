package org.psig.devstack.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The schema registry's front door on the local stack: forwards reads to the registry, and writes
 * only with the deploy token ({@link GatePolicy}); any other write is answered 403 with Problem
 * Details. The registry itself listens on a loopback port that only the gate uses.
 *
 * <pre>RegistryGate LISTEN_PORT REGISTRY_URL DEPLOY_TOKEN_FILE</pre>
 */
public final class RegistryGate implements AutoCloseable {

    /** Connection-level headers are the hop's own, never forwarded (RFC 9110, 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect");
    private static final String REFUSED = """
            {"type":"urn:psig:problem:registry-read-only","title":"The schema registry is read-only here",\
            "status":403,"detail":"Only the deploy step registers schemas: it presents the deploy token. \
            Services and readers only read."}""";

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI registry;
    private final GatePolicy policy;

    public RegistryGate(int port, URI registry, GatePolicy policy) throws IOException {
        this.registry = registry;
        this.policy = policy;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RegistryGate LISTEN_PORT REGISTRY_URL DEPLOY_TOKEN_FILE");
            System.exit(2);
        }
        String token = Files.readString(Path.of(args[2])).trim();
        RegistryGate gate = new RegistryGate(Integer.parseInt(args[0]), URI.create(args[1]), new GatePolicy(token));
        Runtime.getRuntime().addShutdownHook(new Thread(gate::close));
        System.out.println("registry gate on 127.0.0.1:" + gate.port() + " in front of " + args[1]
                + ": reads for anyone, writes with the deploy token only");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!policy.allows(method, exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"))) {
                byte[] body = REFUSED.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            forward(exchange, method);
        }
    }

    private void forward(HttpExchange exchange, String method) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equalsIgnoreCase("Authorization")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException unreachable) {
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] answer = response.body();
        boolean empty = answer.length == 0 || method.equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
