package se.municipality.eops.purge.rules.application;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What retention rules need of the configuration ({@code eops.purge.*}).
 *
 * @param timeZone where "today" is for the days people give (a purge decision's date)
 */
@ConfigurationProperties("eops.purge")
public record RuleSettings(@DefaultValue("Europe/Stockholm") ZoneId timeZone) {}
