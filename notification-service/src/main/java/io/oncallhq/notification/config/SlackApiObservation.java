package io.oncallhq.notification.config;

import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * One client observation per Slack Web API call, named after the API method ({@code chat.postMessage},
 * {@code chat.update}), with the W3C {@code traceparent} sent along: the page's Slack call is a span in the trace
 * of the alert that caused it, and the timer {@value #NAME} gives Slack's latency per method and status.
 */
final class SlackApiObservation implements Interceptor {

    static final String NAME = "slack.api";

    private final ObservationRegistry observations;

    private SlackApiObservation(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** The Slack SDK's own OkHttp client, built from its config (timeouts and all), with this interceptor added. */
    static SlackHttpClient httpClient(SlackConfig config, ObservationRegistry observations) {
        OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .addInterceptor(new SlackApiObservation(observations))
                .build();
        return new SlackHttpClient(okHttp);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String method = request.url().pathSegments().getLast();
        Request.Builder traced = request.newBuilder();
        RequestReplySenderContext<Request.Builder, Response> context =
                new RequestReplySenderContext<>((carrier, key, value) -> carrier.header(key, value));
        context.setCarrier(traced);
        context.setRemoteServiceName("slack");
        Observation observation = Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName(method)
                .lowCardinalityKeyValue("slack.method", method)
                .start(); // the tracing handler writes traceparent into the carrier here
        try (Observation.Scope scope = observation.openScope()) {
            Response response = chain.proceed(traced.build());
            context.setResponse(response);
            observation.lowCardinalityKeyValue("http.response.status_code", String.valueOf(response.code()));
            return response;
        } catch (IOException | RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
