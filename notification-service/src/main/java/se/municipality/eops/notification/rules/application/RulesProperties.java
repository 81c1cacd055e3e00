package se.municipality.eops.notification.rules.application;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.municipality.eops.notification.rules.domain.NotificationRule;

/**
 * Who gets what: {@code eops.notifications.rules} (event type → recipients → template) and the
 * mailboxes of roles ({@code eops.notifications.mailboxes.<ROLE>}).
 */
@ConfigurationProperties("eops.notifications")
public record RulesProperties(List<NotificationRule> rules, Map<String, String> mailboxes) {

    public RulesProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
    }
}
