package io.oncallhq.consumerlag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LagTest {

    @Test
    void sumsThePartitionsAndKeepsTheOneFurthestBehind() {
        Lag lag = Lag.over(List.of(new Lag.Partition(10, 14), new Lag.Partition(0, 9), new Lag.Partition(7, 7)));

        assertThat(lag).isEqualTo(new Lag(13, 9));
    }

    @Test
    void aCommitAheadOfTheReportedEndIsNoLag() {
        assertThat(Lag.over(List.of(new Lag.Partition(12, 10), new Lag.Partition(3, 5)))).isEqualTo(new Lag(2, 2));
    }

    @Test
    void aTopicWithoutPartitionsHasNoLag() {
        assertThat(Lag.over(List.of())).isEqualTo(new Lag(0, 0));
    }
}
