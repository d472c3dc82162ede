package io.oncallhq.apisecurity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * An OpenID Connect issuer in the test's process: its discovery document and its JWKS (one RSA key) over HTTP, as a
 * real provider serves them, and tokens signed with that key. In the test jar, so a service's ITs sign in with it too.
 */
public final class TestOidcIssuer implements AutoCloseable {

    private static final String KEY_ID = "test-issuer-key";

    private final HttpServer server;
    private final RSAKey key = newKey();
    /** A key with the same id that the issuer never published: what a forger would sign with. */
    private final RSAKey unknownKey = newKey();

    private TestOidcIssuer(HttpServer server) {
        this.server = server;
    }

    public static TestOidcIssuer start() {
        try {
            TestOidcIssuer issuer = new TestOidcIssuer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            issuer.server.createContext("/.well-known/openid-configuration",
                    exchange -> json(exchange, issuer.discoveryDocument()));
            issuer.server.createContext("/jwks",
                    exchange -> json(exchange, new JWKSet(issuer.key.toPublicJWK()).toString()));
            issuer.server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Issued by this issuer for {@code alice}, valid from now for five minutes; add or change claims on it. */
    public JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(uri()).subject("user-1").claim("preferred_username", "alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, key);
    }

    String signWithUnpublishedKey(JWTClaimsSet.Builder claims) {
        return sign(claims, unknownKey);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discoveryDocument() {
        return """
                {"issuer": "%1$s", "jwks_uri": "%1$s/jwks", "authorization_endpoint": "%1$s/authorize",
                 "token_endpoint": "%1$s/token", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(uri());
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey with) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
