package se.municipality.eops.publication;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.publication.catalogue.application.PublicationProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationProperties.class)
class PublicationConfiguration {

    /** The scans' lock, in the service's own database (collection {@code shedLock}, as the outbox sweep's). */
    @Bean
    LockingTaskExecutor publicationLock(MongoTemplate mongo) {
        return new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
    }
}
