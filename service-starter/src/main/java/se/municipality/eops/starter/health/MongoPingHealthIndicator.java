package se.municipality.eops.starter.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * MongoDB health by a {@code ping} on the service's own database. Boot's indicator sends {@code
 * hello} to every database on the server: the local MongoDB-protocol server does not know that
 * command, and a service has no business listing other services' databases. {@code ping} is
 * answered by every MongoDB-protocol server and needs no privileges beyond the service's own.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoDatabaseFactory databases;

    public MongoPingHealthIndicator(MongoDatabaseFactory databases) {
        super("MongoDB health check failed");
        this.databases = databases;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String database = databases.getMongoDatabase().getName();
        databases.getMongoDatabase().runCommand(PING);
        builder.up().withDetail("database", database);
    }
}
