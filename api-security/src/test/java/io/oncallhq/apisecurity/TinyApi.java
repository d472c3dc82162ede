package io.oncallhq.apisecurity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The smallest service using api-security, for its integration tests: a viewer read, a calendar-style feed that
 * also takes the token in the query, and a responder action that answers with the caller's name.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(TinyApi.Endpoints.class)
class TinyApi {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.rules()
                .viewer(GET, "/readings")
                .viewerWithQueryToken("/feeds/*")
                .responder(POST, "/actions");
    }

    @RestController
    static class Endpoints {

        @GetMapping("/readings")
        ResponseEntity<String> readings() {
            return ResponseEntity.ok().eTag("\"1\"").body("reading");
        }

        @GetMapping(value = "/feeds/{id}", produces = "text/calendar")
        String feed(@PathVariable String id) {
            return "BEGIN:VCALENDAR\r\nX-WR-CALNAME:" + id + "\r\nEND:VCALENDAR\r\n";
        }

        @PostMapping("/actions")
        String act() {
            return "done by " + ApiCaller.current().map(ApiCaller::name).orElse("nobody");
        }
    }
}
