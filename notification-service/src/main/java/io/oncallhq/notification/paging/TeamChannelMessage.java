package io.oncallhq.notification.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The one message in a team's channel about an incident (keyed by incident id): who is paged at which level, where
 * the message is once posted, how many of the paged it shows, and how many incident events it took in (its store
 * skips an event taken in before). A level that paged nobody is told in a message of its own, and taken in like an
 * incident event; when that comes before any page, the message waits for its first page ({@code firstPage} null).
 */
public final class TeamChannelMessage {

    private final String incidentId;
    private final String channelId;
    private Page firstPage;
    private final List<Paged> paged;
    private SentPage sent;
    private int shownPaged;
    private int shownEvents;
    private PageState state;
    private int eventsTaken;

    TeamChannelMessage(String incidentId, String channelId, Page firstPage, List<Paged> paged, SentPage sent,
                       int shownPaged, int shownEvents, PageState state, int eventsTaken) {
        this.incidentId = incidentId;
        this.channelId = channelId;
        this.firstPage = firstPage;
        this.paged = new ArrayList<>(paged);
        this.sent = sent;
        this.shownPaged = shownPaged;
        this.shownEvents = shownEvents;
        this.state = state;
        this.eventsTaken = eventsTaken;
    }

    /** The message to post for the first page of an incident; the page that made it is the one that posts it. */
    static TeamChannelMessage first(Page page, String channelId) {
        return new TeamChannelMessage(page.incidentId(), channelId, page, List.of(Paged.of(page)), null, 0, 0,
                PageState.OPEN, 0);
    }

    /** The message of an incident whose first event is that a level paged nobody; its first page will post it. */
    static TeamChannelMessage awaitingPage(String incidentId, String channelId) {
        return new TeamChannelMessage(incidentId, channelId, null, List.of(), null, 0, 0, PageState.OPEN, 0);
    }

    /** Lists another page of the incident; false when it is listed already (a redelivered request). */
    boolean add(Page page) {
        if (paged.stream().anyMatch(entry -> entry.pageId().equals(page.pageId()))) {
            return false;
        }
        if (firstPage == null) {
            firstPage = page;
        }
        paged.add(Paged.of(page));
        return true;
    }

    /** The page that created the message posts it, also again when its first attempt stopped before saving. */
    boolean postedBy(Page page) {
        return firstPage != null && firstPage.pageId().equals(page.pageId());
    }

    /** The team was told that a level paged nobody. */
    void toldUnroutable() {
        eventsTaken++;
        if (sent != null) {
            showing(shownPaged, eventsTaken); // a message of its own: nothing to rewrite
        }
    }

    /** The message went out listing the first {@code paged} responders and showing the first {@code events}. */
    void posted(SentPage sent, int paged, int events) {
        this.sent = sent;
        showing(paged, events);
    }

    /**
     * True when the posted message lists fewer responders than were paged, or shows an older state (an event taken
     * in while it was being posted): it has to be rewritten.
     */
    boolean behind() {
        return sent != null && (shownPaged < paged.size() || shownEvents < eventsTaken);
    }

    void showing(int paged, int events) {
        shownPaged = Math.max(shownPaged, paged);
        shownEvents = Math.max(shownEvents, events);
    }

    /**
     * Takes in an incident event. Once the message is posted, the caller rewrites it and adds the thread line; before
     * that the state is only remembered and the post shows it.
     */
    void show(IncidentChange change) {
        eventsTaken++;
        state = change.applyTo(state);
        if (sent != null) {
            showing(shownPaged, eventsTaken);
        }
    }

    public String incidentId() {
        return incidentId;
    }

    public String channelId() {
        return channelId;
    }

    public Page firstPage() {
        return firstPage;
    }

    public List<Paged> paged() {
        return List.copyOf(paged);
    }

    public SentPage sent() {
        return sent;
    }

    public int shownPaged() {
        return shownPaged;
    }

    public int shownEvents() {
        return shownEvents;
    }

    public PageState state() {
        return state;
    }

    /** The incident events (and levels that paged nobody) taken in. */
    public int eventsTaken() {
        return eventsTaken;
    }
}
