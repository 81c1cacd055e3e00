package se.municipality.eops.notification.rules.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The rules as the service's application.yml configures them, bound as Spring binds them. */
final class RulesFile {

    private RulesFile() {}

    static List<NotificationRule> rules() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
            return Binder.get(environment)
                    .bind("eops.notifications.rules", Bindable.listOf(NotificationRule.class))
                    .orElseThrow(() -> new IllegalStateException("no eops.notifications.rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
