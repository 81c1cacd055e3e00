package se.municipality.eops.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The README's catalogue table is what outside readers see first; keep it in step with the code. */
class ReadmeCatalogueTest {

    static Iterable<EventType> catalogue() {
        return EventCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void catalogueTableHasARowForEveryEventType(EventType type) throws IOException {
        String schemaFile = type.schemaResource().substring("contract/schemas/".length());

        assertThat(Files.readAllLines(Path.of("README.md")))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("| `" + type.name() + "` |")
                        .contains("`" + type.topic() + "`")
                        .contains(schemaFile));
    }
}
