package io.oncallhq.apisecurity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The smallest service using api-security, for its integration tests: a viewer read, a calendar-style feed that
 * also takes the token in the query, a responder action that answers with the caller's name, a responder's note with
 * a JSON body, and a sender's webhook, open because its key is its secret, that an admin removes under the same path.
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
                .responder(POST, "/actions", "/notes")
                .open(POST, "/hooks/*")
                .admin(DELETE, "/hooks/*");
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

        @PostMapping("/notes")
        String note(@RequestBody Note note) {
            return note.text() + " (by " + ApiCaller.current().map(ApiCaller::actingId).orElse("nobody") + ")";
        }

        record Note(String text) {
        }

        /** Without {@code state} Spring MVC refuses it with 400, written by the error page. */
        @PostMapping("/hooks/{key}")
        String hook(@PathVariable String key, @RequestParam String state) {
            return "received " + state;
        }

        @DeleteMapping("/hooks/{key}")
        ResponseEntity<Void> removeHook(@PathVariable String key) {
            return ResponseEntity.noContent().build();
        }
    }
}
