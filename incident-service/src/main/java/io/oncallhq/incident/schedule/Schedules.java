package io.oncallhq.incident.schedule;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The {@code schedules} collection. Local dates and times are stored as ISO strings ({@code 2026-03-29},
 * {@code 09:00}) so that no driver conversion through the JVM's default zone can move them.
 */
@Component
public class Schedules {

    static final String COLLECTION = "schedules";

    private final MongoTemplate mongo;
    private final Clock clock;

    Schedules(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Schedule> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ScheduleDocument.class)).map(ScheduleDocument::toSchedule);
    }

    public Schedule get(String id) {
        return find(id).orElseThrow(() -> new ScheduleNotFoundException(id));
    }

    public List<Schedule> all() {
        return mongo.findAll(ScheduleDocument.class).stream().map(ScheduleDocument::toSchedule).toList();
    }

    /**
     * Creates or replaces the schedule, written by {@code by} (a name): overrides it did not have before are
     * credited to them ({@link Schedule#creditingNewOverrides}).
     */
    public void save(Schedule schedule, String by) {
        mongo.save(ScheduleDocument.of(schedule.creditingNewOverrides(find(schedule.id()), by, clock.instant())));
    }

    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), ScheduleDocument.class);
    }

    @Document(COLLECTION)
    record ScheduleDocument(@Id String id, String name, String timeZone, List<LayerDocument> layers,
                            List<ScheduleOverride> overrides) {

        static ScheduleDocument of(Schedule schedule) {
            return new ScheduleDocument(schedule.id(), schedule.name(), schedule.timeZone(),
                    schedule.layers().stream().map(LayerDocument::of).toList(), schedule.overrides());
        }

        Schedule toSchedule() {
            return new Schedule(id, name, timeZone, layers == null ? List.of()
                    : layers.stream().map(LayerDocument::toLayer).toList(), overrides);
        }
    }

    record LayerDocument(String name, List<String> participants, int shiftLength, ShiftUnit unit, String handoffTime,
                         String startDate) {

        static LayerDocument of(RotationLayer layer) {
            return new LayerDocument(layer.name(), layer.participants(), layer.shiftLength(), layer.unit(),
                    layer.handoffTime().toString(), layer.startDate().toString());
        }

        RotationLayer toLayer() {
            return new RotationLayer(name, participants, shiftLength, unit, LocalTime.parse(handoffTime),
                    LocalDate.parse(startDate));
        }
    }
}
