package se.municipality.eops.notification.delivery.messaging;

import java.time.Clock;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Completes Boot's mail sender with what its properties cannot say: authenticate whenever a
 * username is set ({@code EOPS_SMTP_USERNAME}). With {@code mail.smtp.auth} on, a username without
 * a password fails the attempt instead of sending unauthenticated; without a username the local
 * server is used as it is. Mail goes out over connections made with the sender's settings and kept
 * open between mails ({@link SmtpConnections}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmtpConnectionProperties.class)
class MailSenderSettings {

    @Bean
    static BeanPostProcessor authenticateWhenAUsernameIsSet() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender && StringUtils.hasText(sender.getUsername())) {
                    Properties properties = sender.getJavaMailProperties();
                    properties.setProperty("mail." + sender.getProtocol() + ".auth", "true");
                    sender.setJavaMailProperties(properties); // drops a session made before
                }
                return bean;
            }
        };
    }

    @Bean
    SmtpConnections smtpConnections(JavaMailSenderImpl sender, SmtpConnectionProperties properties, Clock clock) {
        return new SmtpConnections(sender, properties.connectionMaxIdle(), properties.messagesPerConnection(), clock);
    }
}
