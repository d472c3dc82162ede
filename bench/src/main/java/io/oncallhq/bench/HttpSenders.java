package io.oncallhq.bench;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;

/**
 * The benchmarks' HTTP client, the same for ingest and for Alertmanager: Apache HttpClient's classic client over a
 * pool of keep-alive connections, one per concurrent sender. The JDK's HttpClient spent more CPU per request than
 * Alertmanager itself on these two cores, so its figures measured the client as much as the server.
 */
final class HttpSenders implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final CloseableHttpClient http;

    HttpSenders(int senders) {
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(senders).setMaxConnPerRoute(senders).build())
                .disableAutomaticRetries()   // a refused or failed request is counted, not sent again
                .build();
    }

    Answer postJson(String url, String json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> new Answer(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    /** A call of a REST API that needs a bearer token. */
    Answer post(String url, String contentType, String body, String bearerToken) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader("Authorization", "Bearer " + bearerToken);
        post.setEntity(new StringEntity(body, ContentType.parse(contentType)));
        return http.execute(post, response -> new Answer(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    /** A read of a REST API that needs a bearer token. */
    Answer get(String url, String bearerToken) throws IOException {
        HttpGet get = new HttpGet(url);
        get.setHeader("Authorization", "Bearer " + bearerToken);
        return http.execute(get, response -> new Answer(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
