package se.municipality.eops.portal;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.portal.services.PurgeServiceClient.Batch;
import se.municipality.eops.portal.services.PurgeServiceClient.HeldBack;
import se.municipality.eops.portal.services.PurgeServiceClient.Preview;
import se.municipality.eops.portal.services.PurgeServiceClient.Purge;
import se.municipality.eops.portal.services.PurgeServiceClient.Rule;
import se.municipality.eops.portal.services.PurgeServiceClient.RuleApplied;

/** Purges and plans as purge-service answers them, for the page tests. */
public final class PurgeMother {

    static final Instant MADE = Instant.parse("2026-12-07T08:00:00Z");

    private PurgeMother() {}

    /** Version {@code version} of es-1001's retention rule, changed by {@code changedBy}. */
    public static Rule rule(int version, String changedBy) {
        RuleApplied applied = felanmalan(version);
        return new Rule(
                applied.ruleId(),
                version,
                "es-1001",
                applied.committee(),
                applied.planRowReference(),
                applied.decisionReference(),
                applied.decisionDate(),
                applied.retentionPeriod(),
                applied.clockStart(),
                null,
                true,
                changedBy,
                MADE);
    }

    private static RuleApplied felanmalan(int version) {
        return new RuleApplied(
                "rule-es-1001-felanmalan",
                version,
                "Tekniska nämnden",
                "3.2.1",
                "TN 2025/14",
                "2025-03-14",
                "P2Y",
                "CLOSED",
                null);
    }

    /** A retention plan of es-1001 made by {@code createdBy}, waiting for a second archivist: 42 cases, 3 held. */
    public static Purge planMadeBy(String purgeId, String createdBy) {
        return new Purge(
                purgeId,
                "RETENTION",
                "AWAITING_APPROVAL",
                "es-1001",
                null,
                null,
                felanmalan(1),
                new Preview(
                        "rule-es-1001-felanmalan",
                        42,
                        Instant.parse("2022-01-03T09:00:00Z"),
                        Instant.parse("2024-11-30T09:00:00Z"),
                        List.of(new HeldBack("legal hold on the case: tillsyn", 3)),
                        Instant.parse("2024-12-07T08:00:00Z")),
                createdBy,
                MADE,
                MADE.plusSeconds(7 * 24 * 3600),
                null,
                null,
                null,
                null,
                0,
                3,
                0,
                null,
                List.of());
    }

    /** A completed test-case purge whose one batch {@code lateSubscriber} has not acknowledged in time. */
    public static Purge completedWithOverdueBatch(String purgeId, String lateSubscriber) {
        return new Purge(
                purgeId,
                "TEST_CASES",
                "COMPLETED",
                "es-2001",
                "REQ-7",
                null,
                null,
                null,
                "purge-service",
                MADE,
                null,
                null,
                null,
                MADE,
                MADE.plusSeconds(2),
                5,
                0,
                0,
                null,
                List.of(new Batch(
                        1,
                        5,
                        MADE.plusSeconds(1),
                        MADE.plusSeconds(24 * 3600),
                        List.of(lateSubscriber),
                        List.of(),
                        List.of(lateSubscriber))));
    }
}
