package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnceAndKeepsIt() {
        Path file = dir.resolve("data/demo-integration-key");

        String first = LocalSecret.resolve(null, file);

        assertThat(first).matches("[A-Za-z0-9_-]{32}");
        assertThat(LocalSecret.resolve("", file)).isEqualTo(first);
    }

    @Test
    void aConfiguredKeyWins() {
        Path file = dir.resolve("demo-integration-key");
        LocalSecret.resolve(null, file);

        assertThat(LocalSecret.resolve("my-key", file)).isEqualTo("my-key");
    }
}
