package se.municipality.eops.notification.receipt.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.notification.receipt.domain.Notifications;

/** Lets the central team see whether the notifications about a request went out. */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The notifications about one request, oldest first; an empty list when there are none. */
    @GetMapping
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    List<NotificationView> byRequest(@RequestParam String requestId) {
        return notifications.findByRequestId(requestId).stream()
                .map(NotificationView::of)
                .toList();
    }
}
