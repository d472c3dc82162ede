package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The pages of one service to one responder on one channel, folded into one message during a storm instead of a
 * message each: posted with the first pages folded in, rewritten in place as more come, for as long as they keep
 * coming within the digest window ({@link #takesIn}).
 */
public final class PageDigest {

    private static final String INCIDENT_PATH = "/incidents/";

    private final String id;
    private final String destination;
    private final String address;
    private final PageTarget responder;
    private final String serviceId;
    private final String serviceName;
    private final List<Entry> entries;
    private SentPage sent;
    private Instant lastAddedAt;

    PageDigest(String id, String destination, String address, PageTarget responder, String serviceId,
               String serviceName, List<Entry> entries, SentPage sent, Instant lastAddedAt) {
        this.id = id;
        this.destination = destination;
        this.address = address;
        this.responder = responder;
        this.serviceId = serviceId;
        this.serviceName = serviceName;
        this.entries = new ArrayList<>(entries);
        this.sent = sent;
        this.lastAddedAt = lastAddedAt;
    }

    /** One page in the digest: enough to list its incident. */
    public record Entry(String pageId, String incidentId, long incidentNumber, String title, Severity severity,
                        String incidentUrl, Instant requestedAt) {

        static Entry of(Page page) {
            return new Entry(page.pageId(), page.incidentId(), page.incidentNumber(), page.title(), page.severity(),
                    page.incidentUrl(), page.requestedAt());
        }
    }

    /**
     * A new, empty digest of the page's service for its destination.
     *
     * @param address where the route reaches the responder (null: the channel's default for them)
     */
    static PageDigest open(String id, Destination destination, String address, Page first) {
        return new PageDigest(id, destination.key(), address, first.responder(), first.serviceId(),
                first.serviceName(), List.of(), null, null);
    }

    /** Whether a page arriving now joins this digest: it took in its last page less than a window ago. */
    boolean takesIn(Instant now, Duration window) {
        return lastAddedAt != null && lastAddedAt.plus(window).isAfter(now);
    }

    /** Adds the pages it does not hold yet (a page redelivered or folded twice is listed once). */
    void add(List<Page> pages, Instant now) {
        for (Page page : pages) {
            if (!holds(page.pageId())) {
                entries.add(Entry.of(page));
                lastAddedAt = now;
            }
        }
    }

    boolean holds(String pageId) {
        return entries.stream().anyMatch(entry -> entry.pageId().equals(pageId));
    }

    void sent(SentPage sent) {
        this.sent = sent;
    }

    /** {@code [ERROR] 12 incidents on Checkout API in the last 2 min}: the most severe first, then what and when. */
    public String headline() {
        Severity worst = entries.stream().map(Entry::severity).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return "[" + (worst == null ? "UNKNOWN" : worst.name()) + "] " + incidents() + " on " + serviceName
                + " " + span();
    }

    /** {@code digest of 12 incidents on Checkout API}: how a page's outcome names the message it went out in. */
    public String description() {
        return "digest of " + incidents() + " on " + serviceName;
    }

    /** The latest pages, newest first. */
    public List<Entry> newest(int count) {
        return entries.reversed().stream().limit(count).toList();
    }

    /** The incidents of the digest, each once, in the order they came. */
    public List<String> incidentIds() {
        return entries.stream().map(Entry::incidentId).distinct().toList();
    }

    /**
     * The service's open incidents in incident-service's list, from the incident links of the pages
     * ({@code <base>/incidents/<id>} becomes {@code <base>/incidents?serviceId=<service>&status=triggered}); null
     * when the pages carry no such link.
     */
    public String incidentsUrl() {
        return entries.stream().map(Entry::incidentUrl).filter(Objects::nonNull)
                .filter(url -> url.contains(INCIDENT_PATH)).findFirst()
                .map(url -> url.substring(0, url.lastIndexOf(INCIDENT_PATH)) + "/incidents?serviceId=" + serviceId
                        + "&status=triggered")
                .orElse(null);
    }

    private String incidents() {
        int count = incidentIds().size();
        return count + (count == 1 ? " incident" : " incidents");
    }

    /** How long the pages took to come: from the first request to the latest, in whole minutes rounded up. */
    private String span() {
        List<Instant> times = entries.stream().map(Entry::requestedAt).filter(Objects::nonNull).sorted().toList();
        long minutes = times.isEmpty() ? 0
                : (Duration.between(times.getFirst(), times.getLast()).toSeconds() + 59) / 60;
        if (minutes <= 1) {
            return "in the last minute";
        }
        return minutes < 120 ? "in the last " + minutes + " min" : "in the last " + minutes / 60 + " h";
    }

    public String id() {
        return id;
    }

    public String destination() {
        return destination;
    }

    /** Where the route reaches the responder; null for the channel's default address of them. */
    public String address() {
        return address;
    }

    public PageTarget responder() {
        return responder;
    }

    public String serviceId() {
        return serviceId;
    }

    public String serviceName() {
        return serviceName;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Where the message is once posted; null before. */
    public SentPage sent() {
        return sent;
    }

    public Instant lastAddedAt() {
        return lastAddedAt;
    }
}
