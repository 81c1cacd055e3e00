package se.municipality.eops.purge.cases.application;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Imports the NDJSON file named by {@code eops.purge.import-file} at start, e.g. the platform's backlog when the
 * suite is first connected. Running it again adds only what is missing.
 */
@Component
class ImportOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportOnStart.class);

    private final CaseImport caseImport;
    private final String file;

    ImportOnStart(CaseImport caseImport, @Value("${eops.purge.import-file:}") String file) {
        this.caseImport = caseImport;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (file.isBlank()) {
            return;
        }
        long started = System.nanoTime();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            CaseImport.Result result = caseImport.importNdjson(in);
            log.info(
                    "Imported {} new cases of {} lines from {} in {} ms",
                    result.added(),
                    result.lines(),
                    file,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
