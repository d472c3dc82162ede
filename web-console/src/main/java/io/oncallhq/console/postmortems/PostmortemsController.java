package io.oncallhq.console.postmortems;

import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceApi;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Post-mortem review: the list, a post-mortem's page (facts, timeline, sections as Markdown with a sanitised preview,
 * comments, action items, the review steps), the Markdown export, and the merge view when a save meets a newer
 * version. Every write acts as the signed-in person: postmortem-service takes who acts from their token.
 */
@Controller
@RequestMapping("/postmortems")
class PostmortemsController {

    private static final ParameterizedTypeReference<List<Postmortem>> POSTMORTEMS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Comment>> COMMENTS = new ParameterizedTypeReference<>() {
    };
    private static final Map<String, String> STEP_DONE = Map.of("submit", "Submitted for review.",
            "request-changes", "Changes requested: it is a draft again.", "publish", "Published.");

    private final ServiceCalls services;
    private final Markdown markdown;
    private final Clock clock = Clock.systemUTC();

    PostmortemsController(ServiceCalls services, Markdown markdown) {
        this.services = services;
        this.markdown = markdown;
    }

    @GetMapping
    String list(PostmortemSearch search, Model model) {
        model.addAttribute("search", search);
        try {
            PostmortemSearch.Result page = postmortems().get(
                    new ParameterizedTypeReference<PostmortemSearch.Result>() {}, "/postmortems/search", search.query());
            model.addAttribute("postmortems", page.items());
            model.addAttribute("nextPage", page.nextCursor() == null ? null : search.url(page.nextCursor()));
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "postmortems/list";
    }

    /**
     * From a resolved incident's page: its post-mortem, or a page that waits for the draft to be written and asks
     * again; htmx's asking is answered with {@code HX-Redirect}, so the browser opens the draft as a page of its own.
     */
    @GetMapping("/for-incident/{incidentId}")
    String forIncident(@PathVariable String incidentId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                       HttpServletResponse response, Model model) {
        try {
            List<Postmortem> found = postmortems().get(POSTMORTEMS, "/postmortems", Map.of("incidentId", incidentId));
            if (!found.isEmpty() && htmx != null) {
                response.setHeader("HX-Redirect", "/postmortems/" + encode(found.getFirst().id()));
                return null;
            }
            if (!found.isEmpty()) {
                return "redirect:/postmortems/" + encode(found.getFirst().id());
            }
            model.addAttribute("incidentId", incidentId);
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        }
        return "postmortems/waiting";
    }

    @GetMapping("/{id}")
    String postmortem(@PathVariable String id, Model model) {
        try {
            show(postmortems().get(Postmortem.class, "/postmortems/{id}", id), model);
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.status() == 404 ? "There is no such post-mortem." : refused.detail());
        }
        return "postmortems/postmortem";
    }

    /** The rendered, sanitised text as it will read once saved; asked for by the edit form without a reload. */
    @PostMapping("/preview")
    String preview(@RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("previewHtml", markdown.html(text));
        return "postmortems/postmortem :: preview";
    }

    /** Saved against the version the page showed; a newer one (412) opens the merge view instead of losing either. */
    @PostMapping("/{id}/sections/{section}")
    String editSection(@PathVariable String id, @PathVariable String section, @RequestParam String text,
                       @RequestParam long version, Model model, RedirectAttributes flash) {
        try {
            postmortems().patch("/postmortems/{id}/sections/{section}", etag(version),
                    Map.of("text", text), id, section);
            flash.addFlashAttribute("done", "Section saved.");
        } catch (ServiceRefusedException refused) {
            if (refused.status() != 412) {
                flash.addFlashAttribute("failure", refused.detail());
                return redirectTo(id);
            }
            Postmortem current = postmortems().get(Postmortem.class, "/postmortems/{id}", id);
            Postmortem.Section now = current.sections().stream().filter(s -> s.key().equals(section)).findFirst()
                    .orElseThrow();
            model.addAttribute("merge", new MergeView(section, now.heading(), text, now.text(), current.version(),
                    now.editedBy()));
            show(current, model);
            return "postmortems/postmortem";
        } catch (ServiceDownException down) {
            flash.addFlashAttribute("failure", down.getMessage());
        }
        return redirectTo(id);
    }

    @PostMapping("/{id}/title")
    String retitle(@PathVariable String id, @RequestParam String title, @RequestParam long version,
                   RedirectAttributes flash) {
        return change(id, flash, title, api -> {
            api.patch("/postmortems/{id}/title", etag(version), Map.of("title", title), id);
            return "Title saved.";
        });
    }

    /** Hides or shows, highlights or not, or annotates one generated entry; a parameter left out keeps its value. */
    @PostMapping("/{id}/timeline/{eventId}")
    String markTimelineEntry(@PathVariable String id, @PathVariable String eventId, @RequestParam long version,
                             @RequestParam(required = false) Boolean hidden,
                             @RequestParam(required = false) Boolean highlighted,
                             @RequestParam(required = false) String annotation, RedirectAttributes flash) {
        Map<String, Object> mark = new HashMap<>();
        mark.put("hidden", hidden);
        mark.put("highlighted", highlighted);
        mark.put("annotation", annotation == null ? null : annotation.strip());
        mark.values().removeIf(Objects::isNull);
        return change(id, flash, annotation, api -> {
            api.patch("/postmortems/{id}/timeline/{eventId}", etag(version), mark, id, eventId);
            return "Timeline entry saved.";
        });
    }

    /** An entry of one's own, such as a decision taken in a call; the form's time is UTC, as every time shown. */
    @PostMapping("/{id}/timeline")
    String addTimelineEntry(@PathVariable String id, @RequestParam long version, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
                            @RequestParam String text, RedirectAttributes flash) {
        return change(id, flash, text, api -> {
            api.write(HttpMethod.POST, "/postmortems/{id}/timeline", etag(version),
                    Map.of("at", at.toInstant(ZoneOffset.UTC).toString(), "text", text), id);
            return "Added to the timeline.";
        });
    }

    @PostMapping("/{id}/mitigation")
    String markMitigation(@PathVariable String id, @RequestParam long version, @RequestParam String eventId,
                          RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.write(HttpMethod.PUT, "/postmortems/{id}/mitigation", etag(version), Map.of("eventId", eventId), id);
            return "Marked as the moment the impact ended.";
        });
    }

    @PostMapping("/{id}/sections/{section}/comments")
    String comment(@PathVariable String id, @PathVariable String section, @RequestParam String text,
                   RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.post("/postmortems/{id}/sections/{section}/comments", Map.of("text", text), id, section);
            return "Comment added.";
        });
    }

    @PostMapping("/{id}/action-items")
    String addActionItem(@PathVariable String id, @RequestParam String title,
                         @RequestParam(required = false) String owner,
                         @RequestParam(required = false) LocalDate dueDate,
                         @RequestParam(defaultValue = "medium") String priority, RedirectAttributes flash) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("owner", owner == null || owner.isBlank() ? null : owner.strip());
        item.put("dueDate", dueDate);
        item.put("priority", priority);
        return change(id, flash, api -> {
            api.post("/postmortems/{id}/action-items", item, id);
            return "Action item added.";
        });
    }

    /** postmortem-service keeps what a change leaves out, so a blank field keeps its value rather than clearing it. */
    @PostMapping("/{id}/action-items/{itemId}")
    String changeActionItem(@PathVariable String id, @PathVariable String itemId,
                            @RequestParam(required = false) String title, @RequestParam(required = false) String owner,
                            @RequestParam(required = false) LocalDate dueDate,
                            @RequestParam(required = false) String priority, RedirectAttributes flash) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("title", blankToNull(title));
        changes.put("owner", blankToNull(owner));
        changes.put("dueDate", dueDate);
        changes.put("priority", blankToNull(priority));
        changes.values().removeIf(Objects::isNull);
        return change(id, flash, api -> {
            api.patch("/postmortems/{id}/action-items/{itemId}", null, changes, id, itemId);
            return "Action item saved.";
        });
    }

    @PostMapping("/{id}/action-items/{itemId}/{status:done|wont_do|open}")
    String setActionItemStatus(@PathVariable String id, @PathVariable String itemId, @PathVariable String status,
                               RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.patch("/postmortems/{id}/action-items/{itemId}", null, Map.of("status", status), id, itemId);
            return "open".equals(status) ? "Action item reopened." : "Action item closed.";
        });
    }

    @PostMapping("/{id}/reviewers")
    String reviewers(@PathVariable String id, @RequestParam String reviewers, RedirectAttributes flash) {
        List<String> ids = Arrays.stream(reviewers.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return change(id, flash, api -> {
            api.put("/postmortems/{id}/reviewers", Map.of("reviewers", ids), id);
            return "Reviewers set.";
        });
    }

    @PostMapping("/{id}/{step:submit|request-changes|publish}")
    String review(@PathVariable String id, @PathVariable String step,
                  @RequestParam(required = false) String comment, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", comment == null || comment.isBlank() ? null : comment);
        return change(id, flash, api -> {
            api.post("/postmortems/{id}/" + step, body, id);
            return STEP_DONE.get(step);
        });
    }

    /** A published version beside the text as it is now: the lines removed and added since, per section. */
    @GetMapping("/{id}/versions/{number}")
    String version(@PathVariable String id, @PathVariable int number, Model model) {
        model.addAttribute("number", number);
        try {
            Postmortem current = postmortems().get(Postmortem.class, "/postmortems/{id}", id);
            Postmortem published = postmortems().get(Postmortem.class, "/postmortems/{id}/versions/{number}", id,
                    number);
            model.addAttribute("postmortem", current);
            model.addAttribute("comparison", VersionComparison.of(published, current));
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.status() == 404
                    ? "There is no such post-mortem or published version." : refused.detail());
        }
        return "postmortems/version";
    }

    /** The Markdown document postmortem-service writes, shown as text so it reads in the browser and saves as .md. */
    @GetMapping(value = {"/{id}/export.md", "/{id}/versions/{number}/export.md"})
    ResponseEntity<String> export(@PathVariable String id, @PathVariable(required = false) Integer number) {
        String path = number == null ? "/postmortems/{id}" : "/postmortems/{id}/versions/" + number;
        String document = postmortems().getText(MediaType.parseMediaType("text/markdown"), path, id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"postmortem-" + id.replaceAll("[^A-Za-z0-9_-]", "")
                        + (number == null ? "" : "-v" + number) + ".md\"")
                .body(document);
    }

    private void show(Postmortem postmortem, Model model) {
        model.addAttribute("postmortem", postmortem);
        // Rendered here: Thymeleaf refuses bean calls inside th:utext, and only sanitised HTML is ever unescaped.
        model.addAttribute("renderedSections", postmortem.sections().stream().collect(
                Collectors.toMap(Postmortem.Section::key, section -> markdown.html(section.text()), (a, b) -> a)));
        model.addAttribute("today", LocalDate.now(clock));
        try {
            model.addAttribute("comments", postmortems().get(COMMENTS, "/postmortems/{id}/comments", postmortem.id()));
        } catch (ServiceDownException | ServiceRefusedException unavailable) {
            model.addAttribute("commentsUnavailable", "Comments could not be loaded right now.");
        }
    }

    private String change(String id, RedirectAttributes flash, Function<ServiceApi, String> call) {
        return change(id, flash, null, call);
    }

    /**
     * @param entered what the person typed, repeated in the message when the change was refused or could not be made,
     *                since the page they return to shows the stored text instead
     */
    private String change(String id, RedirectAttributes flash, String entered, Function<ServiceApi, String> call) {
        String yours = entered == null || entered.isBlank() ? "" : " What you entered: \u201C" + entered + "\u201D";
        try {
            flash.addFlashAttribute("done", call.apply(postmortems()));
        } catch (ServiceDownException down) {
            flash.addFlashAttribute("failure", down.getMessage() + yours);
        } catch (ServiceRefusedException refused) {
            flash.addFlashAttribute("failure", refused.detail() + yours);
        }
        return redirectTo(id);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ServiceApi postmortems() {
        return services.to(Service.POSTMORTEMS);
    }

    private static String redirectTo(String id) {
        return "redirect:/postmortems/" + encode(id);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
