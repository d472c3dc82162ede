package io.oncallhq.notification.paging;

public enum DeliveryStatus {
    /** Stored before the channel call: a record still in this state means the outcome is not known yet. */
    SENDING,
    DELIVERED,
    FAILED;

    public boolean settled() {
        return this != SENDING;
    }
}
