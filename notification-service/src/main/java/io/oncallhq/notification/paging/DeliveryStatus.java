package io.oncallhq.notification.paging;

public enum DeliveryStatus {
    /** Stored as the request arrived, waiting for its destination's turn in the sending loop. */
    WAITING,
    /**
     * Claimed by an instance and handed to the channel: a record still in this state means the outcome is not known
     * yet (the send is under way, or its instance died during it).
     */
    SENDING,
    DELIVERED,
    FAILED
}
