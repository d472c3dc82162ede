package io.oncallhq.postmortem.template;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Per-team post-mortem templates. New drafts use the team's template; existing ones keep their sections. */
@RestController
@RequestMapping("/teams/{teamId}/template")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @Operation(summary = "The template a team's new post-mortems get (the built-in one unless the team set its own)")
    @GetMapping
    TemplateResponse get(@PathVariable String teamId) {
        return TemplateResponse.of(templates.forTeam(teamId));
    }

    @Operation(summary = "Set a team's template: the sections for low (warning, info) and high (critical, error) severity")
    @PutMapping
    TemplateResponse put(@PathVariable String teamId, @Valid @RequestBody TemplateRequest request) {
        Template template = new Template(teamId, request.low().stream().map(SectionRequest::toSection).toList(),
                request.high().stream().map(SectionRequest::toSection).toList());
        templates.save(template);
        return TemplateResponse.of(template);
    }

    record TemplateRequest(@NotEmpty List<@Valid SectionRequest> low, @NotEmpty List<@Valid SectionRequest> high) {

        /** Sections are addressed by key, so a key may appear only once per list. */
        @AssertTrue(message = "section keys must be unique within low and within high")
        boolean isKeysUnique() {
            return unique(low) && unique(high);
        }

        private static boolean unique(List<SectionRequest> sections) {
            return sections == null || sections.stream().map(SectionRequest::key).distinct().count() == sections.size();
        }
    }

    record SectionRequest(@NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,39}") String key,
                          @NotBlank String heading, String guidance) {

        SectionTemplate toSection() {
            return new SectionTemplate(key, heading, guidance == null ? "" : guidance);
        }
    }

    record TemplateResponse(String teamId, List<SectionTemplate> low, List<SectionTemplate> high) {

        static TemplateResponse of(Template template) {
            return new TemplateResponse(template.teamId(), template.low(), template.high());
        }
    }
}
