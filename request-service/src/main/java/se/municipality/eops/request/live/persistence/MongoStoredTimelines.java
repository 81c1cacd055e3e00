package se.municipality.eops.request.live.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.request.live.domain.RequestTimeline;
import se.municipality.eops.request.live.domain.StatusUpdate;
import se.municipality.eops.request.live.domain.StoredTimelines;

/**
 * Reads the timelines straight from the request documents the filing and the status machine write (collection
 * {@value #COLLECTION}), only the fields a stream needs: the requester's id and the timeline. Read only; the
 * documents belong to those features. Only status changes are read (entries of kind {@code STATUS_CHANGED}, or of no
 * kind: stored before entries had one). An entry's sequence is its stored {@code sequence} where the entry has one,
 * else its 1-based position, which is what the sequence is defined to be.
 */
@Repository
class MongoStoredTimelines implements StoredTimelines {

    static final String COLLECTION = "requests";
    private static final String STATUS_CHANGED = "STATUS_CHANGED";

    private final MongoTemplate mongo;

    MongoStoredTimelines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RequestTimeline> ofRequest(String requestId) {
        Query query = Query.query(Criteria.where("_id").is(requestId));
        onlyWhatAStreamNeeds(query);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(MongoStoredTimelines::toTimeline);
    }

    @Override
    public List<RequestTimeline> ofRequesterChangedAfter(String requesterUserId, Instant since) {
        // The requester index (requester.userId, submittedAt) narrows this to one person's requests.
        Query query = Query.query(Criteria.where("requester.userId")
                .is(requesterUserId)
                .and("timeline.at")
                .gt(Date.from(since)));
        onlyWhatAStreamNeeds(query);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(MongoStoredTimelines::toTimeline)
                .toList();
    }

    private static void onlyWhatAStreamNeeds(Query query) {
        query.fields().include("requester.userId").include("timeline");
    }

    private static RequestTimeline toTimeline(Document request) {
        String requestId = request.getString("_id");
        Document requester = request.get("requester", Document.class);
        String requesterUserId = requester == null ? "" : requester.getString("userId");
        List<StatusUpdate> updates = new ArrayList<>();
        List<Document> timeline = request.getList("timeline", Document.class, List.of());
        String previousStatus = null;
        for (int position = 0; position < timeline.size(); position++) {
            Document entry = timeline.get(position);
            Number storedSequence = entry.get("sequence", Number.class);
            long sequence = storedSequence != null && storedSequence.longValue() > 0
                    ? storedSequence.longValue()
                    : position + 1;
            String status = entry.getString("status");
            Date at = entry.getDate("at");
            String kind = entry.getString("kind");
            boolean statusChange = kind == null || STATUS_CHANGED.equals(kind);
            if (status == null || at == null || !statusChange) {
                // Comments, assignments and the like take a place in the timeline too, but are no status update:
                // a stream shows them live as the events that announce them.
                continue;
            }
            updates.add(new StatusUpdate(
                    requestId,
                    requesterUserId,
                    sequence,
                    firstPresent(entry.getString("fromStatus"), previousStatus),
                    status,
                    at.toInstant(),
                    entry.getString("actor"),
                    // Entries stored before they had a kind kept a rejection's reason in their note.
                    firstPresent(entry.getString("reason"), kind == null ? entry.getString("note") : null)));
            previousStatus = status;
        }
        return new RequestTimeline(requestId, requesterUserId, updates);
    }

    private static String firstPresent(String preferred, String otherwise) {
        return preferred != null ? preferred : otherwise;
    }
}
