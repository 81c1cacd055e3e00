package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;

/**
 * One executed batch: how many cases, when, and which registered subscribers must acknowledge it by when.
 *
 * @param acknowledgementsSettled true once every expected subscriber acknowledged or the overdue ones were reported
 */
public record BatchRecord(
        int number,
        int caseCount,
        Instant purgedAt,
        List<String> expectedSubscribers,
        Instant acknowledgementsDueBy,
        boolean acknowledgementsSettled,
        List<String> reportedOverdue) {

    public BatchRecord {
        expectedSubscribers = List.copyOf(expectedSubscribers);
        reportedOverdue = List.copyOf(reportedOverdue);
    }

    BatchRecord settled(List<String> overdue) {
        return new BatchRecord(number, caseCount, purgedAt, expectedSubscribers, acknowledgementsDueBy, true, overdue);
    }
}
