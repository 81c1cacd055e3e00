package se.municipality.eops.benchmarks.trivial;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline a service is compared with in the same benchmark run: started with the same JVM options, it shows
 * what Boot, Tomcat and the JVM cost by themselves (start-to-ready, idle memory, a POST that does nothing).
 */
@SpringBootApplication
@RestController
public class TrivialApp {

    public static void main(String[] args) {
        SpringApplication.run(TrivialApp.class, args);
    }

    /** Reads the body, as the intake does, and answers 201 with a small JSON object, as the intake does. */
    @PostMapping(path = "/api/noop", produces = "application/json")
    ResponseEntity<String> noop(@RequestBody String body) {
        return ResponseEntity.status(201).body("{\"length\":" + body.length() + "}");
    }
}
