package io.oncallhq.incident.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.escalation.EscalationTimers;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import io.oncallhq.outbox.StoredTraceContext;
import io.oncallhq.outbox.Written;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored incidents, written through the outbox writer: every write saves the state change, the events it caused
 * (in the document's outbox) and the event it took in together, then the relay publishes them right away. Alerts are
 * stored beside the incident ({@link StoredAlerts}), before it.
 */
@Component
public class Incidents {

    static final String COLLECTION = "incidents";
    static final String INCIDENTS_BINDING = "incidents-out-0";
    static final String PAGES_BINDING = "pages-out-0";
    static final String OPENED_METRIC = "oncallhq.incidents.opened";
    static final String UNROUTABLE_METRIC = "oncallhq.pages.unroutable";
    private static final String COUNTERS = "counters";
    private static final String NUMBER_COUNTER = "incident-number";
    private static final EventRoutes ROUTES = new EventRoutes(Incidents::bindingOf, Incidents::timeOf);

    private final MongoTemplate mongo;
    private final OutboxWriter<Incident, IncidentDocument> writer;
    private final EscalationTimers timers;
    private final MeterRegistry meters;
    private final IncidentKeys keys;
    private final StoredAlerts alerts;

    Incidents(MongoTemplate mongo, OutboxWriters writers, EscalationTimers timers, MeterRegistry meters) {
        this.mongo = mongo;
        this.writer = writers.of(IncidentDocument.class, IncidentDocument::of, ROUTES);
        this.timers = timers;
        this.meters = meters;
        this.keys = new IncidentKeys(mongo);
        keys.pointAtStoredIncidents(COLLECTION);
        this.alerts = new StoredAlerts(mongo);
        keys.once(StoredAlerts.ALERTS_MOVED_OUT, () -> alerts.moveOutOfStoredIncidents(COLLECTION));
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index("number", Sort.Direction.DESC).unique().named("number_unique"));
        indexes.createIndex(new Index("serviceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .named("service_status"));
        indexes.createIndex(new Index("triggeredAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("triggered_at_id"));
    }

    public Optional<Incident> find(String id) {
        return Optional.ofNullable(mongo.findById(id, IncidentDocument.class)).map(IncidentDocument::toAggregate);
    }

    public Incident get(String id) {
        return find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** Newest first by {@code (triggeredAt, id)}, after the cursor's incident when a cursor is given. */
    List<Incident> list(IncidentFilter filter, IncidentCursor after, int limit) {
        Query query = matching(filter);
        if (after != null) {
            query.addCriteria(new Criteria().orOperator(where("triggeredAt").lt(after.triggeredAt()),
                    where("triggeredAt").is(after.triggeredAt()).and("_id").lt(after.id())));
        }
        query.with(Sort.by(Sort.Direction.DESC, "triggeredAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit);
        return mongo.find(query, IncidentDocument.class).stream().map(IncidentDocument::toAggregate).toList();
    }

    /** Every incident the filter matches, unordered (metrics read them over a bounded time range). */
    public List<Incident> all(IncidentFilter filter) {
        return mongo.find(matching(filter), IncidentDocument.class).stream().map(IncidentDocument::toAggregate).toList();
    }

    /** Typed values only: each becomes an equality or range on one field, never client JSON. */
    private static Query matching(IncidentFilter filter) {
        Query query = new Query();
        if (filter.statuses() != null) {
            query.addCriteria(where("status").in(filter.statuses()));
        }
        if (filter.serviceId() != null) {
            query.addCriteria(where("serviceId").is(filter.serviceId()));
        }
        if (filter.teamId() != null) {
            query.addCriteria(where("teamId").is(filter.teamId()));
        }
        if (filter.severity() != null) {
            query.addCriteria(where("severity").is(filter.severity()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria triggered = where("triggeredAt");
            if (filter.from() != null) {
                triggered = triggered.gte(filter.from());
            }
            if (filter.to() != null) {
                triggered = triggered.lt(filter.to());
            }
            query.addCriteria(triggered);
        }
        return query;
    }

    /** The open incident holding this alert (at most one does: a firing alert joins the incident holding it). */
    public Optional<Incident> openHolding(String serviceId, String dedupKey) {
        return latestHolding(serviceId, dedupKey).filter(Incident::isOpen);
    }

    /** The service's latest incident holding this alert, open or resolved. */
    public Optional<Incident> latestHolding(String serviceId, String dedupKey) {
        return keys.incidentOf(IncidentKeys.alert(serviceId, dedupKey))
                .filter(incidentId -> alerts.holds(incidentId, dedupKey)).flatMap(this::find);
    }

    /**
     * The incident's alert as it was before this alert event changed it, for the change to start from (a redelivery
     * whose first attempt stored the alert but not the incident starts from the same alert again); empty when the
     * incident has no such alert yet.
     */
    public Optional<IncidentAlert> storedAlert(String incidentId, String dedupKey, String eventId) {
        return alerts.before(incidentId, dedupKey, eventId);
    }

    /** The incident's alerts in the order attached, after the given place, at most {@code limit}. */
    List<IncidentAlert> alertsOf(String incidentId, IncidentAlert.AlertStatus status, long afterNumber, int limit) {
        return alerts.page(incidentId, status, afterNumber, limit);
    }

    /** The service's latest incident standing for this incident group, open or resolved. */
    public Optional<Incident> latestOfGroup(String serviceId, String incidentGroup) {
        return keys.incidentOf(IncidentKeys.group(serviceId, incidentGroup)).flatMap(this::find)
                .filter(incident -> incident.isOfGroup(incidentGroup));
    }

    /** The incident opened last for the service, open or resolved. */
    public Optional<Incident> newestOf(String serviceId) {
        return keys.incidentOf(IncidentKeys.newest(serviceId)).flatMap(this::find);
    }

    /** To be called before the change that makes the incident hold the alert, so its pointer is never missing. */
    public void willHoldAlert(String serviceId, String dedupKey, String incidentId) {
        keys.point(IncidentKeys.alert(serviceId, dedupKey), incidentId);
    }

    /** Whether an incident took this alert event in (remembered once its change was stored). */
    public boolean tookAlertEvent(String eventId) {
        return keys.exists(IncidentKeys.alertEvent(eventId));
    }

    /** To be called once the change that took the alert event in is stored. */
    public void alertEventTaken(String eventId, String incidentId) {
        keys.point(IncidentKeys.alertEvent(eventId), incidentId);
    }

    /** The next incident number of this installation (1, 2, 3...), shared by all replicas. */
    public long nextNumber() {
        Document counter = mongo.findAndModify(query(where("_id").is(NUMBER_COUNTER)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, COUNTERS);
        return ((Number) counter.get("value")).longValue();
    }

    /**
     * Stores a new incident with its events; false when an incident with that id exists already. The incident
     * remembers the trace it is opened in (the alert's record, or the API request), for its post-mortem.
     */
    public boolean insert(Incident incident, List<? extends ContractEvent> events) {
        return insert(incident, null, events);
    }

    /**
     * Stores a new incident opened by an alert event, its alert first, and records the event as taken in.
     *
     * @see #insert(Incident, List)
     */
    public boolean insert(Incident incident, String alertEventId, List<? extends ContractEvent> events) {
        incident.openedInTrace(StoredTraceContext.currentTraceparent());
        pointAt(incident);
        List<IncidentAlerts.Change> alertChanges = incident.takeAlertChanges();
        alertChanges.forEach(change -> keys.point(IncidentKeys.alert(incident.service().id(), change.after().dedupKey()),
                incident.id()));
        alerts.store(incident.id(), alertChanges, alertEventId);
        boolean inserted = alertEventId == null ? writer.insert(incident, events)
                : writer.insert(incident, alertEventId, events);
        if (!inserted) {
            return false;
        }
        storeTimer(incident);
        // Counted here, where an incident comes to exist exactly once, whatever opened it.
        meters.counter(OPENED_METRIC, "service", incident.service().id()).increment();
        countUnroutable(events);
        return true;
    }

    /**
     * Loads the incident, applies the change and saves it with the events the change returned. The change may
     * run more than once (after a concurrent write it is applied again to a fresh copy), so it must only act on
     * the incident it is given. {@link Change#unchanged()} saves nothing.
     */
    public Incident update(String id, Function<Incident, Change<Incident>> change) {
        return saved(id, writer.update(id, storingAlertsFirst(id, null, change)));
    }

    /**
     * {@link #update}, once per event (an alert event, a command, a page outcome): skipped when the incident took the
     * event in before, recorded as taken in by the same write. The alerts it changes are stored first, each in its
     * own document, marked with the event; the incident then with the counts.
     */
    public Incident updateOnce(String id, String eventId, Function<Incident, Change<Incident>> change) {
        return saved(id, writer.updateOnce(id, eventId, storingAlertsFirst(id, eventId, change)));
    }

    /** Run again with the change after a conflict: the alerts as changed on the fresh copy are stored again. */
    private Function<Incident, Change<Incident>> storingAlertsFirst(String id, String eventId,
                                                                    Function<Incident, Change<Incident>> change) {
        return incident -> {
            Change<Incident> result = change.apply(incident);
            if (result.isChanged()) {
                alerts.store(id, incident.takeAlertChanges(), eventId);
            }
            return result;
        };
    }

    /** What follows a saved change, once: its escalation timer and the count of levels that paged nobody. */
    private Incident saved(String id, Optional<Written<Incident>> written) {
        Written<Incident> done = written.orElseThrow(() -> new IncidentNotFoundException(id));
        if (done.saved()) {
            storeTimer(done.aggregate());
            countUnroutable(done.events());
        }
        return done.aggregate();
    }

    /** What a new incident is found by: newest of its service, its group. Written before it is. */
    private void pointAt(Incident incident) {
        String serviceId = incident.service().id();
        keys.point(IncidentKeys.newest(serviceId), incident.id());
        if (incident.group() != null) {
            keys.point(IncidentKeys.group(serviceId, incident.group()), incident.id());
        }
    }

    /** Counted once saved: a change applied again after a conflict publishes its events once. */
    private void countUnroutable(List<? extends ContractEvent> events) {
        events.stream().filter(PageUnroutable.class::isInstance).map(PageUnroutable.class::cast).forEach(unroutable ->
                meters.counter(UNROUTABLE_METRIC, "service", unroutable.serviceId(), "reason", unroutable.reason())
                        .increment());
    }

    /** Incidents waiting for an escalation step (open, or closed since and not yet told by their timer). */
    public List<Incident> withPendingEscalation() {
        return mongo.find(query(where("nextEscalation").ne(null)), IncidentDocument.class).stream()
                .map(IncidentDocument::toAggregate).toList();
    }

    /**
     * The pending step was saved with the incident; its timer is stored right after. Should the instance stop in
     * between, the poller's repair run stores it later (same deterministic id, so never twice).
     */
    private void storeTimer(Incident incident) {
        if (incident.nextEscalation() != null) {
            timers.schedule(incident.id(), incident.nextEscalation());
        }
    }

    private static String bindingOf(ContractEvent event) {
        return switch (event) {
            case IncidentEvent ignored -> INCIDENTS_BINDING;
            case PageEvent ignored -> PAGES_BINDING;
            default -> throw new IllegalArgumentException("incident-service does not publish " + event.getClass());
        };
    }

    private static Instant timeOf(ContractEvent event) {
        return switch (event) {
            case IncidentEvent incidentEvent -> incidentEvent.occurredAt();
            case PageRequested page -> page.requestedAt();
            case PageUnroutable unroutable -> unroutable.occurredAt();
            default -> Instant.now();
        };
    }
}
