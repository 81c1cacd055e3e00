package se.municipality.eops.publication.checklist.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.publication.checklist.domain.ChecklistItem;

/** One checklist version; its number is the id, so two publications of the same number cannot both win. */
@Document(ChecklistDocument.COLLECTION)
record ChecklistDocument(
        @Id int version, @Indexed Instant effectiveFrom, String publishedBy, List<ChecklistItem> items) {

    static final String COLLECTION = "checklists";
}
