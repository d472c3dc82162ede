package io.oncallhq.ingest.intake;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTest {

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> RequestBodies.read(new ByteArrayInputStream(new byte[0]), 11, 10))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefused() {
        assertThatThrownBy(() -> RequestBodies.read(new ByteArrayInputStream(new byte[11]), -1, 10))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[10]), 10, 10)).hasSize(10);
    }
}
