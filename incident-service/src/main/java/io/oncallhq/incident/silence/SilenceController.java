package io.oncallhq.incident.silence;

import io.oncallhq.contracts.Actor;
import io.oncallhq.incident.config.ApiClients;
import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.ServiceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Silences and maintenance windows: create, list, read, and end early. */
@RestController
@RequestMapping("/silences")
class SilenceController {


    private final Silences silences;
    private final OnCallDirectory directory;
    private final Clock clock;

    SilenceController(Silences silences, OnCallDirectory directory, Clock clock) {
        this.silences = silences;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param serviceId null for a global silence (then at least one matcher is needed, so that nothing silences
     *                  every alert of every service by accident)
     */
    record SilenceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String serviceId,
                          @Size(max = 20) List<@Valid @NotNull MatcherRequest> matchers,
                          @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record MatcherRequest(@NotBlank @Size(max = 100) String label, @NotNull LabelMatcher.Operator operator,
                          @NotNull @Size(max = 1_000) String value) {
    }

    record SilenceResponse(String id, String name, String serviceId, List<LabelMatcher> matchers, Instant startsAt,
                           Instant endsAt, Silence.State state, Actor createdBy, Instant createdAt) {

        static SilenceResponse of(Silence silence, Instant now) {
            return new SilenceResponse(silence.id(), silence.name(), silence.serviceId(), silence.matchers(),
                    silence.startsAt(), silence.endsAt(), silence.state(now), silence.createdBy(), silence.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<SilenceResponse> create(@Valid @RequestBody SilenceRequest request) {
        validate(request);
        Instant now = clock.instant();
        List<LabelMatcher> matchers = request.matchers() == null ? List.of() : request.matchers().stream()
                .map(matcher -> new LabelMatcher(matcher.label(), matcher.operator(), matcher.value())).toList();
        Silence silence = silences.save(new Silence(UUID.randomUUID().toString(), request.name(), request.serviceId(),
                matchers, request.startsAt(), request.endsAt(), ApiClients.current(), now));
        return ResponseEntity.created(URI.create("/silences/" + silence.id())).body(SilenceResponse.of(silence, now));
    }

    /** @param state {@code pending}, {@code active} or {@code expired}; all when absent */
    @GetMapping
    List<SilenceResponse> list(@RequestParam(required = false) Silence.State state) {
        Instant now = clock.instant();
        return silences.all().stream().filter(silence -> state == null || silence.state(now) == state)
                .map(silence -> SilenceResponse.of(silence, now)).toList();
    }

    @GetMapping("/{id}")
    SilenceResponse get(@PathVariable String id) {
        return SilenceResponse.of(found(id), clock.instant());
    }

    /** Ends the silence now (one that ended already keeps its end). */
    @DeleteMapping("/{id}")
    SilenceResponse expire(@PathVariable String id) {
        Instant now = clock.instant();
        return SilenceResponse.of(silences.save(found(id).endedAt(now)), now);
    }

    private Silence found(String id) {
        return silences.find(id).orElseThrow(() -> new SilenceNotFoundException(id));
    }

    private void validate(SilenceRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!request.endsAt().isAfter(request.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (request.serviceId() != null && !serviceExists(request.serviceId())) {
            problems.add(new FieldProblem("serviceId", "no service " + request.serviceId()));
        }
        List<MatcherRequest> matchers = request.matchers() == null ? List.of() : request.matchers();
        if (request.serviceId() == null && matchers.isEmpty()) {
            problems.add(new FieldProblem("matchers", "a global silence needs at least one matcher"));
        }
        for (int i = 0; i < matchers.size(); i++) {
            MatcherRequest matcher = matchers.get(i);
            if (matcher.operator() == LabelMatcher.Operator.REGEX) {
                String field = "matchers[" + i + "].value";
                regexProblem(matcher.value()).ifPresent(message -> problems.add(new FieldProblem(field, message)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private boolean serviceExists(String serviceId) {
        try {
            directory.service(serviceId);
            return true;
        } catch (ServiceNotFoundException unknown) {
            return false;
        }
    }

    private static Optional<String> regexProblem(String regex) {
        if (regex.length() > LabelMatcher.MAX_REGEX_LENGTH) {
            return Optional.of("a regex may have at most " + LabelMatcher.MAX_REGEX_LENGTH + " characters");
        }
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException invalid) {
            return Optional.of("not a valid regex: " + invalid.getDescription());
        }
    }
}
