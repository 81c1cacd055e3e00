package se.municipality.eops.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** permission-service's API as the portal uses it (README of permission-service for every endpoint). */
@Component
public class PermissionServiceClient {

    /** A person as permission-service knows them. */
    public record Person(String personId, String name, String email) {}

    /** A handler found: directly a handler ({@code direct}) and/or through the groups named. */
    public record HandlerHit(Person person, boolean direct, List<String> groups) {}

    /** One page of the handler search. */
    public record HandlerPage(List<HandlerHit> hits, int page, int size, int total) {}

    private final RestClient permission;

    PermissionServiceClient(ServiceClients.ServiceRestClients clients) {
        this.permission = clients.forService("permission");
    }

    /** {@code GET /api/e-services/{id}/handlers?q=&page=&size=}: the e-service's case handlers whose name matches. */
    public HandlerPage handlers(String eServiceId, String query, int page, int size) {
        return permission
                .get()
                .uri(uri -> uri.path("/api/e-services/{id}/handlers")
                        .queryParam("q", query)
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build(eServiceId))
                .retrieve()
                .body(HandlerPage.class);
    }

    /** A completed training, as the central team records it. */
    public record Training(String userId, String name, String email, LocalDate completedOn, String course) {}

    /** The training recorded, and how many grants waiting for it became active. */
    public record TrainingRecorded(
            String personId, LocalDate completedOn, String course, String recordedBy, int activatedGrants) {}

    /** A training on record: the person as named when it was recorded, the course, the day, who recorded it and when. */
    public record RecordedTraining(
            Person person, String course, LocalDate completedOn, String recordedBy, Instant recordedAt) {}

    /** One page of the trainings on record, newest recorded first. */
    public record TrainingsPage(List<RecordedTraining> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** {@code GET /api/trainings?page=&size=}: the trainings on record, newest recorded first (central team only). */
    public TrainingsPage trainings(int page, int size) {
        return permission
                .get()
                .uri(uri -> uri.path("/api/trainings")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(TrainingsPage.class);
    }

    /** {@code POST /api/trainings}: 400 naming {@code person.userId}, {@code completedOn}, {@code course}... */
    public TrainingRecorded recordTraining(Training training) {
        return permission.post().uri("/api/trainings").body(training).retrieve().body(TrainingRecorded.class);
    }
}
