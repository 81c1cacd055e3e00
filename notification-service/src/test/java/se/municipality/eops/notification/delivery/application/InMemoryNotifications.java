package se.municipality.eops.notification.delivery.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationFilter;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;

/** Notifications in a map, with the same optimistic locking as the real store, and a way to fail writes. */
public class InMemoryNotifications implements Notifications {

    private final Map<String, Notification.Snapshot> stored = new LinkedHashMap<>();
    public final List<DomainEvent> writtenEvents = new ArrayList<>();
    private final AtomicInteger updatesToFail = new AtomicInteger();

    void failNextUpdates(int count) {
        updatesToFail.set(count);
    }

    public synchronized Notification.Snapshot get(String id) {
        return stored.get(id);
    }

    @Override
    public synchronized Optional<Notification> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(Notification::restore);
    }

    @Override
    public synchronized boolean insertIfAbsent(Notification notification) {
        if (stored.containsKey(notification.id())) {
            return false;
        }
        write(notification, 0);
        return true;
    }

    @Override
    public synchronized Set<String> insertAllIfAbsent(List<Notification> notifications) {
        Set<String> inserted = new LinkedHashSet<>();
        notifications.stream().filter(this::insertIfAbsent).forEach(n -> inserted.add(n.id()));
        return inserted;
    }

    @Override
    public synchronized boolean update(Notification notification) {
        if (updatesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database unavailable");
        }
        Notification.Snapshot current = stored.get(notification.id());
        if (current == null
                || !Objects.equals(current.version(), notification.snapshot().version())) {
            return false;
        }
        write(notification, current.version() + 1);
        return true;
    }

    private void write(Notification notification, long version) {
        writtenEvents.addAll(notification.newEvents());
        notification.stored(version);
        stored.put(notification.id(), notification.snapshot());
    }

    @Override
    public synchronized List<Notification> pendingDue(Instant now, Channel channel, int limit) {
        return stored.values().stream()
                .filter(state -> state.status() == NotificationStatus.PENDING)
                .filter(state -> state.channel() == channel)
                .filter(state ->
                        state.claimedUntil() == null || !state.claimedUntil().isAfter(now))
                .sorted(Notification.SWEEP_ORDER)
                .limit(limit)
                .map(Notification::restore)
                .toList();
    }

    @Override
    public Page search(NotificationFilter filter, int page, int size) {
        List<Notification> all = stored.values().stream()
                .filter(state ->
                        filter.requestId() == null || filter.requestId().equals(state.requestId()))
                .sorted(Comparator.comparing(Notification.Snapshot::createdAt))
                .map(Notification::restore)
                .toList();
        return new Page(all.stream().skip((long) page * size).limit(size).toList(), page, size, all.size());
    }

    @Override
    public List<Notification> findByRequestId(String requestId) {
        return stored.values().stream()
                .filter(state -> requestId.equals(state.requestId()))
                .sorted(Comparator.comparing(Notification.Snapshot::createdAt))
                .map(Notification::restore)
                .toList();
    }
}
