package se.municipality.eops.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The people's door to the suite: server-rendered pages over the five services' APIs (see README, "Web portal"). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebPortalApplication.class, args);
    }
}
