package io.oncallhq.consumerlag;

import java.util.Collection;

/**
 * How many records a consumer group has still to read on one topic: in all, and on its partition furthest behind (a
 * single stuck partition shows there even when the total looks small).
 */
public record Lag(long total, long largestPartition) {

    /**
     * Where a group stands on one partition.
     *
     * @param position the next offset the group reads: its committed offset, or the partition's earliest offset when
     *                 it has committed nothing there (where the binder starts a new group)
     * @param end      the partition's latest offset, one past its last record
     */
    public record Partition(long position, long end) {

        long lag() {
            // A commit can be ahead of the end the broker reported a moment earlier: that is no lag.
            return Math.max(0, end - position);
        }
    }

    static Lag over(Collection<Partition> partitions) {
        long total = 0;
        long largest = 0;
        for (Partition partition : partitions) {
            total += partition.lag();
            largest = Math.max(largest, partition.lag());
        }
        return new Lag(total, largest);
    }
}
