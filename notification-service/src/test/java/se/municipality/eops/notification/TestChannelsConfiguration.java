package se.municipality.eops.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.municipality.eops.notification.delivery.messaging.WebhookProperties;

/**
 * The channels of every integration test (component scanning finds this class on the test classpath,
 * so all of them share one context): mail goes to GreenMail through {@link TestChannels#smtp()}, a
 * proxy a test can cut off to take the mail server down, and {@link TestChannels#mailServer()}, which
 * a test can have refuse an address for good; the central team's webhook goes to
 * {@link TestChannels#webhook()}, a local HTTP receiver that checks signatures.
 */
@Configuration(proxyBeanMethods = false)
class TestChannelsConfiguration {

    @Bean
    static BeanPostProcessor mailThroughTheTestProxy() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    sender.setHost("localhost");
                    sender.setPort(TestChannels.smtp().port());
                }
                return bean;
            }
        };
    }

    @Bean
    @Primary
    WebhookProperties testWebhooks() {
        return new WebhookProperties(
                Map.of(
                        TestChannels.WEBHOOK_GROUP,
                        new WebhookProperties.Hook(
                                URI.create("http://localhost:"
                                        + TestChannels.webhook().port() + "/hooks/team"),
                                TestChannels.WEBHOOK_SECRET)),
                Duration.ofSeconds(2));
    }
}
