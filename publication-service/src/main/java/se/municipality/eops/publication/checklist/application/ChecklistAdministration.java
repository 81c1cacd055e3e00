package se.municipality.eops.publication.checklist.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** Publishes a new version, in force from now on; requests filed earlier keep their version. */
    public Checklist publish(List<ChecklistItem> items, String publishedBy) {
        int previous = checklists.latest().map(Checklist::version).orElse(0);
        Checklist next;
        try {
            next = Checklist.publish(previous, items, publishedBy, clock.instant());
        } catch (InvalidChecklistException invalid) {
            throw new InvalidInputException(invalid);
        }
        if (!checklists.add(next)) {
            throw new ConflictException(
                    "version",
                    "another checklist version was published meanwhile; try again",
                    FieldErrorCodes.CHANGED_MEANWHILE);
        }
        return next;
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
