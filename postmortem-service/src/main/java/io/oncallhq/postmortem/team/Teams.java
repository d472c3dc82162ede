package io.oncallhq.postmortem.team;

import io.oncallhq.apisecurity.ServiceToken;
import io.oncallhq.postmortem.config.PostmortemProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.util.List;

/**
 * The incident-service's teams, asked over HTTP ({@code GET {incident-service-api-url}/teams/{teamId}}, whose
 * {@code members} lists responder ids) each time a review step needs to know, so a change of membership counts
 * at once. Each call is bounded by {@code postmortem.team-lookup-timeout}; an unknown team has no members; any
 * other failure is {@link TeamsUnavailableException}, since guessing either way would be wrong.
 */
@Component
public class Teams {

    private final RestClient http;

    Teams(RestClient.Builder builder, PostmortemProperties properties, ServiceToken token) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.teamLookupTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.teamLookupTimeout());
        this.http = builder.clone().baseUrl(properties.incidentServiceApiUrl()).requestFactory(requests)
                .defaultHeaders(headers -> token.authorization().ifPresent(bearer -> headers.set(HttpHeaders.AUTHORIZATION, bearer)))
                .build();
    }

    public boolean hasMember(String teamId, String responderId) {
        if (teamId == null || responderId == null) {
            return false;
        }
        try {
            TeamResponse team = http.get().uri("/teams/{teamId}", teamId).retrieve().body(TeamResponse.class);
            return team != null && team.members() != null && team.members().contains(responderId);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return false;
            }
            throw new TeamsUnavailableException(teamId, e);
        } catch (RestClientException e) {
            throw new TeamsUnavailableException(teamId, e);
        }
    }

    /** What this service reads of incident-service's answer; other fields are ignored. */
    record TeamResponse(String id, List<String> members) {
    }
}
