package io.oncallhq.postmortem;

import io.oncallhq.postmortem.config.PostmortemProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/postmortems")
class PostmortemController {

    private final Postmortems postmortems;
    private final PostmortemProperties properties;

    PostmortemController(Postmortems postmortems, PostmortemProperties properties) {
        this.postmortems = postmortems;
        this.properties = properties;
    }

    @Operation(summary = "List post-mortems: the one of an incident, or the newest first")
    @GetMapping
    List<PostmortemResponse> list(@RequestParam(required = false) String incidentId,
                                  @RequestParam(required = false) @Min(1) @Max(200) Integer limit) {
        List<Postmortem> found = incidentId != null
                ? postmortems.findByIncidentId(incidentId).stream().toList()
                : postmortems.newest(limit == null ? properties.listLimit() : limit);
        return found.stream().map(this::response).toList();
    }

    @Operation(summary = "One post-mortem")
    @GetMapping("/{id}")
    PostmortemResponse get(@PathVariable String id) {
        return postmortems.find(id).map(this::response).orElseThrow(() -> new PostmortemNotFoundException(id));
    }

    private PostmortemResponse response(Postmortem postmortem) {
        return PostmortemResponse.of(postmortem, properties.incidentUrl(postmortem.incidentId()));
    }
}
