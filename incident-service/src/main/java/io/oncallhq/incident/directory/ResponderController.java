package io.oncallhq.incident.directory;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.util.List;

/** Responders: create or replace by id, delete once no schedule, policy or team names them. */
@RestController
@RequestMapping("/responders")
class ResponderController {

    private final OnCallDirectory directory;

    ResponderController(OnCallDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<ResponderResponse> responders() {
        return directory.allResponders().stream().map(ResponderResponse::of).toList();
    }

    @GetMapping("/{id}")
    ResponderResponse responder(@PathVariable String id) {
        return ResponderResponse.of(directory.responder(id));
    }

    @PutMapping("/{id}")
    ResponderResponse put(@PathVariable String id, @Valid @RequestBody ResponderRequest request) {
        Responder responder = request.toResponder(id);
        directory.saveResponder(responder);
        return ResponderResponse.of(responder);
    }

    /** 409 while a schedule, an escalation policy or a team names the responder. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        directory.deleteResponder(id);
    }

    /**
     * @param contactRules the rules pages follow: the declared ones, or Slack then e-mail where set
     * @param workingHours null when not declared
     */
    record ResponderResponse(String id, String name, String email, String timeZone, String slackUserId,
                             List<ContactRuleResponse> contactRules, WorkingHoursResponse workingHours) {

        static ResponderResponse of(Responder responder) {
            WorkingHours hours = responder.workingHours();
            return new ResponderResponse(responder.id(), responder.name(), responder.email(), responder.timeZone(),
                    responder.slackUserId(), responder.contactMethods().stream()
                    .map(rule -> new ContactRuleResponse(rule.channel(), rule.address())).toList(),
                    hours == null ? null : new WorkingHoursResponse(hours.days(), hours.start(), hours.end()));
        }
    }

    record ContactRuleResponse(String channel, String address) {
    }

    /** @param start local time in the responder's zone, such as {@code 09:00} */
    record WorkingHoursResponse(List<DayOfWeek> days, String start, String end) {
    }
}
