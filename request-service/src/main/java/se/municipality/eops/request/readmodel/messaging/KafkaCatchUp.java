package se.municipality.eops.request.readmodel.messaging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.request.readmodel.application.CatchUpStatus;
import se.municipality.eops.request.readmodel.domain.ReadModel;

/**
 * Each read model's catching up, judged from its consumer group's committed offsets (Kafka's admin API), and for the
 * permissions read model the filling in of unknown grant ends ({@link GrantEndsBackfill}) as well.
 */
@Component
public class KafkaCatchUp implements CatchUpStatus, DisposableBean {

    private final Admin admin;
    private final Map<ReadModel, TopicCatchUp> models = new EnumMap<>(ReadModel.class);
    private final GrantEndsBackfill grantEnds;

    KafkaCatchUp(
            GrantEndsBackfill grantEnds,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.bindings.catalogueEvents-in-0.group}") String catalogueGroup,
            @Value("${spring.cloud.stream.bindings.permissionEvents-in-0.group}") String permissionsGroup,
            @Value("${eops.read-models.recheck-every:500ms}") Duration recheckEvery) {
        this.grantEnds = grantEnds;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "request-service-read-models"));
        models.put(
                ReadModel.CATALOGUE, new TopicCatchUp(admin, Topics.PUBLICATION_EVENTS, catalogueGroup, recheckEvery));
        models.put(
                ReadModel.PERMISSIONS,
                new TopicCatchUp(admin, Topics.PERMISSION_EVENTS, permissionsGroup, recheckEvery));
    }

    /** Reads the topics' end offsets as the replica starts: the backlog to catch up with is what was there then. */
    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        Thread watcher = new Thread(() -> models.values().forEach(TopicCatchUp::caughtUp), "read-model-catch-up");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The permissions read model also waits for the ends of grants stored before it kept them. */
    @Override
    public boolean caughtUp(ReadModel model) {
        return models.get(model).caughtUp() && (model != ReadModel.PERMISSIONS || grantEnds.done());
    }

    public TopicCatchUp of(ReadModel model) {
        return models.get(model);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
