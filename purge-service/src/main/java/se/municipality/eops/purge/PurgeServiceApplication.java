package se.municipality.eops.purge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PurgeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PurgeServiceApplication.class, args);
    }
}
