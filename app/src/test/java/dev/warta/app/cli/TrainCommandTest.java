package dev.warta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.Warta;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownModelIsABadUsage() {
        assertThat(Warta.execute("train", "sentiment")).isEqualTo(2);
    }

    @Test
    void missingTrainingDataFailsWithoutWritingAModel() {
        Path resources = dir.resolve("resources");
        assertThat(Warta.execute(
                        "train",
                        "lang",
                        "--data",
                        dir.resolve("nothing-here").toString(),
                        "--resources",
                        resources.toString()))
                .isEqualTo(1);
        assertThat(resources).doesNotExist();
    }
}
