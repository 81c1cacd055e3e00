package se.municipality.eops.publication.checklist.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.municipality.eops.publication.checklist.domain.Checklist;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;
import se.municipality.eops.publication.checklist.domain.ChecklistItem;
import se.municipality.eops.publication.checklist.domain.ChecklistVerdict;
import se.municipality.eops.publication.checklist.domain.Checklists;
import se.municipality.eops.publication.checklist.domain.InvalidChecklistException;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/** The central team's checklist maintenance and the judgement of requests against it. */
@Service
public class ChecklistAdministration {

    private final Checklists checklists;
    private final Clock clock;

    public ChecklistAdministration(Checklists checklists, Clock clock) {
        this.checklists = checklists;
        this.clock = clock;
    }

    /**
     * Publishes a new version, in force from now on; requests filed earlier keep their version.
     *
     * @param basedOnVersion the version the editor started from (0: none was in force); null for a client that does
     *     not say, which publishes over whatever is in force. When given and another version is in force now, nothing
     *     is published (409 {@code changed-meanwhile} on {@code basedOnVersion}, {@code params.currentVersion}): the
     *     editor would otherwise undo the other's changes without seeing them.
     */
    public Checklist publish(List<ChecklistItem> items, Integer basedOnVersion, String publishedBy) {
        int inForce = latestVersion();
        Checklist next;
        try {
            next = Checklist.publish(inForce, items, publishedBy, clock.instant());
        } catch (InvalidChecklistException invalid) {
            throw new InvalidInputException(invalid);
        }
        if (basedOnVersion != null && basedOnVersion != inForce) {
            throw changedSince(basedOnVersion, inForce);
        }
        // The version number is the document's id: of two publications read from the same version only one is
        // stored, so the check above cannot let a second editor through between the read and the write.
        if (!checklists.add(next)) {
            if (basedOnVersion != null) {
                throw changedSince(basedOnVersion, latestVersion());
            }
            throw new ConflictException(
                    "version",
                    "another checklist version was published meanwhile; try again",
                    FieldErrorCodes.CHANGED_MEANWHILE);
        }
        return next;
    }

    private int latestVersion() {
        return checklists.latest().map(Checklist::version).orElse(0);
    }

    private static ConflictException changedSince(int basedOnVersion, int inForce) {
        return new ConflictException(
                "basedOnVersion",
                "version " + inForce + " is in force now, not " + basedOnVersion
                        + ": someone else changed the checklist meanwhile; look at it again",
                FieldErrorCodes.CHANGED_MEANWHILE,
                Map.of("currentVersion", inForce));
    }

    public Checklist current() {
        return checklists.latest().orElseThrow(() -> new NotFoundException("No checklist has been published yet."));
    }

    public List<Checklist> history() {
        return checklists.all();
    }

    /**
     * The verdict of the version in force when the request was filed. Without any checklist nothing is
     * mandatory, so nothing is missing.
     */
    public ChecklistVerdict judge(List<ChecklistAnswer> answers, Instant filedAt) {
        return checklists
                .inForceAt(filedAt)
                .map(checklist -> checklist.judge(answers))
                .orElseGet(() -> new ChecklistVerdict(null, List.of()));
    }
}
