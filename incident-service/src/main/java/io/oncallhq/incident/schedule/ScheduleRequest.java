package io.oncallhq.incident.schedule;

import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.directory.KnownIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** A schedule as written through {@code PUT /schedules/{id}} or in an on-call configuration document. */
public record ScheduleRequest(@NotBlank @Size(max = 200) String name,
                              @NotBlank String timeZone,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull LayerRequest> layers,
                              @Size(max = 500) List<@Valid @NotNull OverrideRequest> overrides) {

    public ScheduleRequest {
        overrides = overrides == null ? List.of() : overrides;
    }

    /** Checked here so that an unknown zone is listed with the other field errors. */
    @AssertTrue(message = "must be an IANA time zone such as Europe/Berlin")
    public boolean isTimeZoneKnown() {
        return TimeZoneNames.isKnownOrBlank(timeZone);
    }

    /** @param path where this schedule is in the request, ending in a dot ("" for a request of its own) */
    public List<FieldProblem> referenceProblems(String path, KnownIds known) {
        List<FieldProblem> problems = new ArrayList<>();
        List<LayerRequest> allLayers = layers == null ? List.of() : layers;
        for (int i = 0; i < allLayers.size(); i++) {
            List<String> participants = allLayers.get(i) == null || allLayers.get(i).participants() == null
                    ? List.of() : allLayers.get(i).participants();
            for (int j = 0; j < participants.size(); j++) {
                if (participants.get(j) != null && !known.hasResponder(participants.get(j))) {
                    problems.add(new FieldProblem(path + "layers[" + i + "].participants[" + j + "]",
                            "no responder " + participants.get(j)));
                }
            }
        }
        for (int i = 0; i < overrides.size(); i++) {
            String responderId = overrides.get(i) == null ? null : overrides.get(i).responderId();
            if (responderId != null && !known.hasResponder(responderId)) {
                problems.add(new FieldProblem(path + "overrides[" + i + "].responderId", "no responder " + responderId));
            }
        }
        return problems;
    }

    public Schedule toSchedule(String id) {
        return new Schedule(id, name, timeZone, layers.stream().map(LayerRequest::toLayer).toList(),
                overrides.stream().map(OverrideRequest::toOverride).toList());
    }

    public static ScheduleRequest of(Schedule schedule) {
        return new ScheduleRequest(schedule.name(), schedule.timeZone(), schedule.layers().stream()
                .map(layer -> new LayerRequest(layer.name(), layer.participants(), layer.shiftLength(), layer.unit(),
                        layer.handoffTime(), layer.startDate())).toList(),
                schedule.overrides().stream().map(override -> new OverrideRequest(override.responderId(),
                        override.start(), override.end())).toList());
    }

    /** @param unit {@code HOURS}, {@code DAYS} or {@code WEEKS} */
    public record LayerRequest(@Size(max = 200) String name,
                               @NotEmpty @Size(max = 100) List<@NotBlank String> participants,
                               @NotNull @Min(1) @Max(1000) Integer shiftLength,
                               @NotNull ShiftUnit unit,
                               @NotNull LocalTime handoffTime,
                               @NotNull LocalDate startDate) {

        RotationLayer toLayer() {
            return new RotationLayer(name, participants, shiftLength, unit, handoffTime, startDate);
        }
    }

    public record OverrideRequest(@NotBlank String responderId, @NotNull Instant start, @NotNull Instant end) {

        @AssertTrue(message = "must be after start")
        public boolean isEndAfterStart() {
            return start == null || end == null || end.isAfter(start);
        }

        ScheduleOverride toOverride() {
            return new ScheduleOverride(responderId, start, end);
        }
    }
}
