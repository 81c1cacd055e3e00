package se.municipality.eops.notification.receipt.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.municipality.eops.notification.receipt.domain.Notifications;
import se.municipality.eops.notification.receipt.domain.ReceiptMail;

/** Wires the receipt use case; the domain and the use case stay free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class ReceiptConfiguration {

    /** The mail links to the request in the web front end when {@code eops.frontend.base-url} is set. */
    @Bean
    ReceiptMail receiptMail(@Value("${eops.frontend.base-url:}") String frontendBaseUrl) {
        return new ReceiptMail(frontendBaseUrl.isBlank() ? null : URI.create(frontendBaseUrl.strip()));
    }

    @Bean
    SendReceipt sendReceipt(
            Notifications notifications,
            MailGateway mailGateway,
            ReceiptMail receiptMail,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        return new SendReceipt(notifications, mailGateway, receiptMail, clock, properties, meters);
    }
}
