package se.municipality.eops.publication.catalogue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.contract.publication.EServiceInfoUpdated;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewDecision;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewReminder;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.publication.catalogue.domain.PublicationRefused.Kind;
import se.municipality.eops.publication.checklist.domain.ChecklistVerdict;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * An e-service in the catalogue with all its versions: the aggregate every publication step changes.
 * Each method checks its rule, changes the state and raises the events it causes ({@link #newEvents()}),
 * which the store writes in the same document write.
 */
public final class EService {

    /** A version's {@code blockedReason} when a new version came without a label. */
    public static final String VERSION_LABEL_MISSING = "VERSION_LABEL_MISSING";
    /** A version's {@code blockedReason} when a new version's label is another version's already. */
    public static final String VERSION_LABEL_TAKEN = "VERSION_LABEL_TAKEN";

    /** The versions whose label no new version may take: those published, or on their way there. */
    private static final Set<VersionStatus> LABEL_HOLDERS = EnumSet.of(
            VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED, VersionStatus.IN_REVIEW, VersionStatus.APPROVED);

    private final String id;
    private String name;
    private String committee;
    private String orderer;
    private String contact;
    private BasicInfo basicInfo;
    private final Instant registeredAt;
    private final List<EServiceVersion> versions;
    private final List<InfoChange> changeLog;
    private final Long version;
    private final List<DomainEvent> newEvents = new ArrayList<>();
    private boolean changed;

    private EService(
            String id,
            String name,
            String committee,
            String orderer,
            String contact,
            BasicInfo basicInfo,
            Instant registeredAt,
            List<EServiceVersion> versions,
            List<InfoChange> changeLog,
            Long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.committee = committee;
        this.orderer = orderer;
        this.contact = contact;
        this.basicInfo = basicInfo == null ? emptyInfo() : basicInfo;
        this.registeredAt = registeredAt;
        this.versions = new ArrayList<>(versions == null ? List.of() : versions);
        this.changeLog = new ArrayList<>(changeLog == null ? List.of() : changeLog);
        this.version = version;
    }

    public static EService restore(
            String id,
            String name,
            String committee,
            String orderer,
            String contact,
            BasicInfo basicInfo,
            Instant registeredAt,
            List<EServiceVersion> versions,
            List<InfoChange> changeLog,
            Long version) {
        return new EService(
                id, name, committee, orderer, contact, basicInfo, registeredAt, versions, changeLog, version);
    }

    /** An e-service that already runs on the platform, registered by the central team as published. */
    public static EService register(
            String id,
            String name,
            String committee,
            String orderer,
            String contact,
            String versionLabel,
            BasicInfo basicInfo,
            String registeredBy,
            Instant now) {
        EService registered =
                new EService(id, name, committee, orderer, contact, basicInfo, now, List.of(), List.of(), null);
        registered.versions.add(new EServiceVersion(
                "v1",
                versionLabel,
                null,
                VersionStatus.PUBLISHED,
                null,
                null,
                null,
                now,
                now,
                now,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null));
        registered.newEvents.add(new EServiceRegistered(
                UUID.randomUUID(), id, now, name, committee, orderer, versionLabel, registeredBy));
        return registered;
    }

    /** A catalogue entry for an e-service the catalogue first hears of in a request for a brand-new one. */
    public static EService firstRequested(FiledPublication request, Instant now) {
        String name = request.eServiceName() != null ? request.eServiceName() : request.eServiceId();
        return new EService(
                request.eServiceId(),
                name,
                request.committee(),
                request.orderer(),
                null,
                null,
                now,
                List.of(),
                List.of(),
                null);
    }

    /** Whether this e-service already took a step for the request (a redelivered RequestSubmitted). */
    public boolean hasHandled(String requestId) {
        return versions.stream().anyMatch(v -> requestId.equals(v.requestId()));
    }

    /**
     * A request to publish this e-service as brand-new. It is blocked when the e-service was published
     * before, when another version is in review or waits to be published, or when the checklist in
     * force misses mandatory items (the event names them); otherwise it goes to the reference group.
     * Versions that went nowhere (blocked, rejected, withdrawn) do not stand in its way.
     */
    public void requestNewEService(
            FiledPublication request, ChecklistVerdict verdict, int quorum, String reviewId, Instant now) {
        if (versions.stream().anyMatch(v -> v.is(VersionStatus.PUBLISHED) || v.is(VersionStatus.SUPERSEDED))) {
            block(
                    request,
                    PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS,
                    verdict.checklistVersion(),
                    List.of(),
                    "The e-service " + id + " is published already; ask for a new version instead",
                    now);
            return;
        }
        if (inProgress().isPresent()) {
            block(
                    request,
                    PublicationBlocked.Reason.PUBLICATION_IN_PROGRESS,
                    verdict.checklistVersion(),
                    List.of(),
                    "A version of " + id + " is in review or waiting to be published",
                    now);
            return;
        }
        adoptDetails(request);
        if (!verdict.complete()) {
            block(
                    request,
                    PublicationBlocked.Reason.CHECKLIST_INCOMPLETE,
                    verdict.checklistVersion(),
                    verdict.missing(),
                    verdict.missing().size() + " mandatory checklist item(s) not confirmed",
                    now);
            return;
        }
        EServiceVersion inReview = newVersion(request, VersionStatus.IN_REVIEW, verdict, null, now)
                .withReview(Review.open(reviewId, quorum, now));
        addVersion(inReview);
        newEvents.add(new ReviewRequested(
                UUID.randomUUID(),
                id,
                now,
                request.requestId(),
                reviewId,
                name,
                request.versionLabel(),
                committee,
                orderer,
                verdict.checklistVersion(),
                quorum,
                request.requesterId()));
    }

    /**
     * A new version of a published e-service: published at once, superseding the one before. Its label tells the
     * catalogue's versions apart, so it is blocked without one ({@link #VERSION_LABEL_MISSING}) or with one a
     * version of this e-service that was published or is on its way there carries already ({@link
     * #VERSION_LABEL_TAKEN}; case and surrounding blanks aside). The contract has no reason of its own for
     * either: the event says {@code ESERVICE_ALREADY_EXISTS} (a version under that label exists, or the version
     * cannot be told from the existing ones), or {@code PUBLICATION_IN_PROGRESS} when the label's version is in
     * review or approved, and its {@code detail} says what is wrong. The name stays the catalogue's whatever the
     * request calls the e-service.
     */
    public void requestNewVersion(FiledPublication request, Instant now) {
        Optional<EServiceVersion> live = published();
        if (live.isEmpty()) {
            block(
                    request,
                    PublicationBlocked.Reason.UNKNOWN_ESERVICE,
                    null,
                    List.of(),
                    "The e-service " + id + " has no published version to follow",
                    now);
            return;
        }
        String label =
                request.versionLabel() == null ? "" : request.versionLabel().strip();
        if (label.isEmpty()) {
            block(
                    request,
                    PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS,
                    VERSION_LABEL_MISSING,
                    "A new version of " + name + " (" + id + ") needs a version label to tell it from the"
                            + " published one" + labelled(live.get()) + "; file the request again naming the version",
                    now);
            return;
        }
        Optional<EServiceVersion> sameLabel = versions.stream()
                .filter(v -> LABEL_HOLDERS.contains(v.status()))
                .filter(v -> v.label() != null && v.label().strip().equalsIgnoreCase(label))
                .findFirst();
        if (sameLabel.isPresent()) {
            EServiceVersion holder = sameLabel.get();
            boolean onItsWay = holder.is(VersionStatus.IN_REVIEW) || holder.is(VersionStatus.APPROVED);
            block(
                    request,
                    onItsWay
                            ? PublicationBlocked.Reason.PUBLICATION_IN_PROGRESS
                            : PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS,
                    VERSION_LABEL_TAKEN,
                    "Version " + holder.label() + " of " + name + " (" + id + ") exists already: "
                            + holder.versionId() + ", "
                            + holder.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + "; file the new version under a label of its own",
                    now);
            return;
        }
        EServiceVersion created = newVersion(request, VersionStatus.PUBLISHED, null, null, now);
        addVersion(created);
        publish(created, live.get(), now);
    }

    /**
     * A reviewer's decision. One rejection rejects; the quorum of approvals approves; each seat (the
     * reviewer, or the delegator a delegate decides for) decides once, and each person once whichever seat they
     * fill, so the quorum always means that many people; only while the review is open.
     */
    public void decide(String reviewId, ReviewVote vote) {
        EServiceVersion version = versionReviewed(reviewId)
                .orElseThrow(() -> new PublicationRefused(
                        Kind.CONFLICT, "reviewId", "no review " + reviewId, PublicationRefused.NO_SUCH_REVIEW));
        if (!version.is(VersionStatus.IN_REVIEW)) {
            throw new PublicationRefused(
                    Kind.CONFLICT,
                    "reviewId",
                    "the review is closed: the version is " + version.status(),
                    PublicationRefused.REVIEW_CLOSED);
        }
        Review review = version.review();
        Optional<ReviewVote> seatTaken = review.voteInSeat(vote.seat());
        if (seatTaken.isPresent()) {
            ReviewVote taken = seatTaken.get();
            // Say who filled the seat: a reviewer whose delegate decided for them has not decided themselves.
            String who = taken.onBehalfOf() == null
                    ? taken.reviewerId() + " has decided"
                    : taken.reviewerId() + " has decided for " + taken.onBehalfOf();
            throw new PublicationRefused(
                    Kind.CONFLICT,
                    "decision",
                    who + " on this review already; each reviewer decides once",
                    PublicationRefused.DECIDED_ALREADY,
                    taken.onBehalfOf() == null
                            ? Map.of("decidedBy", taken.reviewerId())
                            : Map.of("decidedBy", taken.reviewerId(), "onBehalfOf", taken.onBehalfOf()));
        }
        if (review.hasDecidedInPerson(vote.reviewerId())) {
            // Four eyes: a delegate holding a delegator's seat still counts as one person towards the quorum.
            throw new PublicationRefused(
                    Kind.CONFLICT,
                    "decision",
                    vote.reviewerId()
                            + " has decided on this review already, for themselves or for a reviewer who delegated;"
                            + " each person decides once",
                    PublicationRefused.DECIDED_ALREADY,
                    Map.of("decidedBy", vote.reviewerId()));
        }
        if (!vote.approved() && (vote.comment() == null || vote.comment().isBlank())) {
            throw new PublicationRefused(
                    Kind.INVALID, "comment", "a rejection needs a reason", FieldErrorCodes.REQUIRED);
        }
        Review voted = review.with(vote);
        if (!vote.approved()) {
            replace(
                    version,
                    version.withReview(voted.decided(vote.decidedAt(), vote.comment()))
                            .withStatus(VersionStatus.REJECTED, vote.decidedAt()));
            newEvents.add(new ReviewRejected(
                    UUID.randomUUID(),
                    id,
                    vote.decidedAt(),
                    version.requestId(),
                    reviewId,
                    name,
                    version.label(),
                    vote.reviewerId(),
                    vote.onBehalfOf(),
                    vote.comment()));
            return;
        }
        if (voted.approvals().size() >= voted.quorum()) {
            replace(
                    version,
                    version.withReview(voted.decided(vote.decidedAt(), null))
                            .withStatus(VersionStatus.APPROVED, vote.decidedAt()));
            newEvents.add(new ReviewApproved(
                    UUID.randomUUID(),
                    id,
                    vote.decidedAt(),
                    version.requestId(),
                    reviewId,
                    name,
                    version.label(),
                    voted.approvals().stream()
                            .map(approval -> new ReviewDecision(
                                    approval.reviewerId(),
                                    approval.onBehalfOf(),
                                    approval.decidedAt(),
                                    approval.comment()))
                            .toList()));
            return;
        }
        replace(version, version.withReview(voted));
    }

    /**
     * purge-service confirmed that the test cases of an approved version are purged: the version is
     * published. Answers false, changing nothing, when no approved version matches (a duplicate
     * confirmation finds it published already).
     */
    public boolean testCasesPurged(String reviewId, String requestId, Instant now) {
        Optional<EServiceVersion> approved = versions.stream()
                .filter(v -> v.is(VersionStatus.APPROVED))
                .filter(v -> (reviewId != null
                                && v.review() != null
                                && reviewId.equals(v.review().reviewId()))
                        || (reviewId == null && requestId != null && requestId.equals(v.requestId())))
                .findFirst();
        if (approved.isEmpty()) {
            return false;
        }
        publish(approved.get(), published().orElse(null), now);
        return true;
    }

    /**
     * The requester withdrew the request that created one of this e-service's versions. A version in review
     * or approved (waiting for its test-case purge) is withdrawn: its review closes, so no decision,
     * reminder, stall flag or purge confirmation moves it any more, and it no longer keeps a new request
     * for the e-service out. A version that went its way already stays as it is. Raises no event: the
     * request's own withdrawal is the public fact. Withdrawing it again changes nothing.
     *
     * @param withdrawnBy who withdrew it (the requester's user id)
     */
    public Withdrawal withdrawRequest(String requestId, String withdrawnBy, Instant at) {
        return stopRequest(requestId, WithdrawalCause.REQUEST_WITHDRAWN, withdrawnBy, at);
    }

    /**
     * A member of the central team rejected the request that created one of this e-service's versions: the
     * same as the requester's withdrawal ({@link #withdrawRequest}), the version in review or approved ends
     * {@code WITHDRAWN}, but it records the team's rejection as the cause and the team member as who did it.
     * Raises no event: the request's {@code RequestRejected} is the public fact. Again, or after a withdrawal,
     * it changes nothing.
     *
     * @param rejectedBy the team member's user id
     */
    public Withdrawal rejectRequestByTeam(String requestId, String rejectedBy, Instant at) {
        return stopRequest(requestId, WithdrawalCause.REJECTED_BY_TEAM, rejectedBy, at);
    }

    private Withdrawal stopRequest(String requestId, WithdrawalCause cause, String by, Instant at) {
        Optional<EServiceVersion> found = versionForRequest(requestId);
        if (found.isEmpty()) {
            return Withdrawal.NO_SUCH_REQUEST;
        }
        EServiceVersion version = found.get();
        if (version.is(VersionStatus.WITHDRAWN)) {
            return Withdrawal.WITHDRAWN_BEFORE;
        }
        if (!version.is(VersionStatus.IN_REVIEW) && !version.is(VersionStatus.APPROVED)) {
            return Withdrawal.TOO_LATE;
        }
        replace(version, version.withdrawn(cause, by, at));
        return Withdrawal.WITHDRAWN;
    }

    /** Reminds the reference group once of each review that has waited at least {@code remindAfter}. */
    public int remindOfWaitingReviews(Instant now, Duration remindAfter) {
        int reminded = 0;
        for (EServiceVersion version : List.copyOf(versions)) {
            Review review = version.review();
            if (version.is(VersionStatus.IN_REVIEW)
                    && review.remindedAt() == null
                    && !review.requestedAt().plus(remindAfter).isAfter(now)) {
                replace(version, version.withReview(review.reminded(now)));
                newEvents.add(new ReviewReminder(
                        UUID.randomUUID(),
                        id,
                        now,
                        version.requestId(),
                        review.reviewId(),
                        name,
                        review.requestedAt(),
                        review.approvals().size(),
                        review.quorum()));
                reminded++;
            }
        }
        return reminded;
    }

    /** Flags once each approved version that has waited at least {@code stallAfter} for its purge. */
    public int flagStalledPublications(Instant now, Duration stallAfter) {
        int flagged = 0;
        for (EServiceVersion version : List.copyOf(versions)) {
            Review review = version.review();
            if (version.is(VersionStatus.APPROVED)
                    && review.stalledAt() == null
                    && !review.decidedAt().plus(stallAfter).isAfter(now)) {
                replace(version, version.withReview(review.stalled(now)));
                newEvents.add(new PublicationStalled(
                        UUID.randomUUID(),
                        id,
                        now,
                        version.requestId(),
                        review.reviewId(),
                        name,
                        review.decidedAt(),
                        Duration.between(review.decidedAt(), now).toMinutes()));
                flagged++;
            }
        }
        return flagged;
    }

    /**
     * An editor's change of the basic information of this published e-service, kept in the change log.
     *
     * @return the change, or empty when nothing differed (nothing is logged or published then)
     */
    public Optional<InfoChange> editBasicInfo(BasicInfo edited, String editedBy, Instant now) {
        if (published().isEmpty()) {
            throw new PublicationRefused(
                    Kind.CONFLICT,
                    "eServiceId",
                    "only a published e-service's basic information can be edited",
                    PublicationRefused.NOT_PUBLISHED);
        }
        BasicInfo after = new BasicInfo(
                edited.informationText(),
                edited.searchKeywords() == null ? List.of() : List.copyOf(edited.searchKeywords()),
                edited.requirements());
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(basicInfo.informationText(), after.informationText())) {
            changed.add("informationText");
        }
        if (!Objects.equals(basicInfo.searchKeywords(), after.searchKeywords())) {
            changed.add("searchKeywords");
        }
        if (!Objects.equals(basicInfo.requirements(), after.requirements())) {
            changed.add("requirements");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        InfoChange change = new InfoChange(
                "chg-" + (changeLog.size() + 1) + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                editedBy,
                now,
                basicInfo,
                after,
                changed);
        changeLog.add(change);
        this.changed = true;
        newEvents.add(new EServiceInfoUpdated(
                UUID.randomUUID(), id, now, change.changeId(), editedBy, basicInfo, after, changed));
        basicInfo = after;
        return Optional.of(change);
    }

    /** The live version, if any. */
    public Optional<EServiceVersion> published() {
        return versions.stream().filter(v -> v.is(VersionStatus.PUBLISHED)).findFirst();
    }

    /** The version in review or approved and waiting for its purge, if any. */
    public Optional<EServiceVersion> inProgress() {
        return versions.stream()
                .filter(v -> v.is(VersionStatus.IN_REVIEW) || v.is(VersionStatus.APPROVED))
                .findFirst();
    }

    public Optional<EServiceVersion> versionReviewed(String reviewId) {
        return versions.stream()
                .filter(v -> v.review() != null && v.review().reviewId().equals(reviewId))
                .findFirst();
    }

    public Optional<EServiceVersion> versionForRequest(String requestId) {
        return versions.stream().filter(v -> requestId.equals(v.requestId())).findFirst();
    }

    private void publish(EServiceVersion version, EServiceVersion previous, Instant now) {
        if (previous != null && !previous.versionId().equals(version.versionId())) {
            replace(previous, previous.withStatus(VersionStatus.SUPERSEDED, now));
        }
        replace(version, version.withStatus(VersionStatus.PUBLISHED, now));
        newEvents.add(new EServicePublished(
                UUID.randomUUID(),
                id,
                now,
                version.requestId(),
                version.kind(),
                name,
                version.versionId(),
                version.label(),
                version.review() == null ? null : version.review().reviewId(),
                previous == null || previous.versionId().equals(version.versionId()) ? null : previous.versionId()));
    }

    private void block(
            FiledPublication request,
            PublicationBlocked.Reason reason,
            Integer checklistVersion,
            List<se.municipality.eops.contract.publication.ChecklistItemRef> missing,
            String detail,
            Instant now) {
        block(request, reason, reason.name(), checklistVersion, missing, detail, now);
    }

    /** Blocked for a reason the contract has no value for: the version records the catalogue's own. */
    private void block(
            FiledPublication request,
            PublicationBlocked.Reason reason,
            String blockedReason,
            String detail,
            Instant now) {
        block(request, reason, blockedReason, null, List.of(), detail, now);
    }

    private void block(
            FiledPublication request,
            PublicationBlocked.Reason reason,
            String blockedReason,
            Integer checklistVersion,
            List<se.municipality.eops.contract.publication.ChecklistItemRef> missing,
            String detail,
            Instant now) {
        addVersion(newVersion(
                request,
                VersionStatus.BLOCKED,
                reason == PublicationBlocked.Reason.CHECKLIST_INCOMPLETE
                        ? new ChecklistVerdict(checklistVersion, missing)
                        : null,
                blockedReason,
                now));
        newEvents.add(new PublicationBlocked(
                UUID.randomUUID(),
                id,
                now,
                request.requestId(),
                name,
                request.versionLabel(),
                reason,
                reason == PublicationBlocked.Reason.CHECKLIST_INCOMPLETE ? checklistVersion : null,
                reason == PublicationBlocked.Reason.CHECKLIST_INCOMPLETE ? missing : null,
                detail));
    }

    private static String labelled(EServiceVersion version) {
        return version.label() == null || version.label().isBlank() ? "" : " (" + version.label() + ")";
    }

    private EServiceVersion newVersion(
            FiledPublication request,
            VersionStatus status,
            ChecklistVerdict verdict,
            String blockedReason,
            Instant now) {
        return new EServiceVersion(
                "v" + (versions.size() + 1),
                request.versionLabel(),
                request.kind(),
                status,
                request.requestId(),
                request.requesterId(),
                request.filedAt(),
                now,
                now,
                null,
                null,
                verdict == null ? null : verdict.checklistVersion(),
                request.answers(),
                verdict == null ? List.of() : verdict.missing(),
                blockedReason,
                null,
                null,
                null,
                null);
    }

    /** A brand-new e-service's request names its committee and orderer; the catalogue takes them. */
    private void adoptDetails(FiledPublication request) {
        if (request.eServiceName() != null) {
            name = request.eServiceName();
        }
        if (request.committee() != null) {
            committee = request.committee();
        }
        if (request.orderer() != null) {
            orderer = request.orderer();
        }
    }

    private void replace(EServiceVersion old, EServiceVersion next) {
        versions.replaceAll(v -> v.versionId().equals(old.versionId()) ? next : v);
        changed = true;
    }

    private void addVersion(EServiceVersion added) {
        versions.add(added);
        changed = true;
    }

    private static BasicInfo emptyInfo() {
        return new BasicInfo(null, List.of(), null);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String committee() {
        return committee;
    }

    public String orderer() {
        return orderer;
    }

    public String contact() {
        return contact;
    }

    public BasicInfo basicInfo() {
        return basicInfo;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public List<EServiceVersion> versions() {
        return List.copyOf(versions);
    }

    public List<InfoChange> changeLog() {
        return List.copyOf(changeLog);
    }

    /** The stored version this state was read at (null for a new e-service): the optimistic lock. */
    public Long version() {
        return version;
    }

    /** Whether anything changed since it was read (a vote may change it without raising an event). */
    public boolean hasChanges() {
        return changed;
    }

    /** Events raised since it was read, to be written with it. */
    public List<DomainEvent> newEvents() {
        return List.copyOf(newEvents);
    }
}
