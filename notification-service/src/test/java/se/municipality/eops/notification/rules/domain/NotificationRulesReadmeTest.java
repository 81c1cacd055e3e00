package se.municipality.eops.notification.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's table "Who gets which mail" says what the rules in application.yml say, row by row. */
class NotificationRulesReadmeTest {

    @Test
    void theReadmeTableIsTheRulesConfiguration() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- rules:start -->"), readme.indexOf("<!-- rules:end -->"));
        List<String> rows = table.lines().filter(line -> line.startsWith("| `")).toList();

        assertThat(rows).containsExactlyElementsOf(expectedRows(RulesFile.rules()));
    }

    static List<String> expectedRows(List<NotificationRule> rules) {
        List<String> rows = new ArrayList<>();
        for (NotificationRule rule : rules) {
            String when = rule.when().isEmpty()
                    ? "always"
                    : rule.when().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(condition ->
                                    "`" + condition.getKey() + "` in " + String.join(", ", condition.getValue()))
                            .collect(Collectors.joining("; "));
            String recipients = rule.recipients().stream()
                    .map(recipient -> "`" + recipient + "`")
                    .collect(Collectors.joining(", "));
            rows.add("| `" + rule.event() + "` | " + when + " | " + recipients + " | `" + rule.template() + "` |");
        }
        return rows;
    }
}
