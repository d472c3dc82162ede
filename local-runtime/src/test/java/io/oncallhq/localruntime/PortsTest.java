package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        // Enough calls that the kernel, left to itself, repeats a released port (a broker's two listeners collided so).
        int calls = 2_000;

        assertThat(IntStream.range(0, calls).map(call -> Ports.free()).distinct().count()).isEqualTo(calls);
    }
}
