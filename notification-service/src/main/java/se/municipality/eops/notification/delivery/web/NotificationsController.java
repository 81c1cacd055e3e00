package se.municipality.eops.notification.delivery.web;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.notification.delivery.domain.NotificationFilter;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.starter.web.PageBounds;

/** The record of what was sent to whom and when, for the central team. */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * The notifications matching every filter given, oldest first, one page at a time; {@code from}
     * (inclusive) and {@code to} (exclusive) are on the time the notification was recorded.
     */
    @GetMapping
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    NotificationPage search(
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) NotificationStatus status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageBounds.check(page, size, MAX_PAGE_SIZE);
        Notifications.Page found = notifications.search(
                new NotificationFilter(requestId, recipient, template, status, from, to), page, size);
        return new NotificationPage(
                found.content().stream().map(NotificationView::of).toList(),
                found.page(),
                found.size(),
                found.totalElements());
    }

    record NotificationPage(List<NotificationView> content, int page, int size, long totalElements) {}
}
