package se.municipality.eops.purge.rules.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.rules.domain.ClockStart;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.purge.rules.domain.RetentionRules;

/**
 * Every version is a document of its own in {@value #VERSIONS} with the id {@code ruleId:version}, written once
 * and never changed: that is the log of changes. The current version of a rule is the one with the highest number;
 * two writers making the same version collide on its id, so a lost update is impossible.
 */
@Repository
class MongoRetentionRules implements RetentionRules {

    static final String VERSIONS = "retention_rule_versions";

    private final MongoTemplate mongo;

    MongoRetentionRules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One version as stored; periods and dates as ISO-8601 text, as the API shows them. */
    record RuleVersionDocument(
            String id,
            String ruleId,
            int version,
            String eServiceId,
            String committee,
            String planRowReference,
            String decisionReference,
            String decisionDate,
            String retentionPeriod,
            ClockStart clockStart,
            String caseType,
            boolean active,
            String changedBy,
            Instant changedAt) {

        static RuleVersionDocument of(RetentionRule rule) {
            return new RuleVersionDocument(
                    rule.ruleId() + ":" + rule.version(),
                    rule.ruleId(),
                    rule.version(),
                    rule.eServiceId(),
                    rule.committee(),
                    rule.planRowReference(),
                    rule.decisionReference(),
                    rule.decisionDate() == null ? null : rule.decisionDate().toString(),
                    rule.retentionPeriod().toString(),
                    rule.clockStart(),
                    rule.caseType(),
                    rule.active(),
                    rule.changedBy(),
                    rule.changedAt());
        }

        RetentionRule rule() {
            return new RetentionRule(
                    ruleId,
                    version,
                    eServiceId,
                    committee,
                    planRowReference,
                    decisionReference,
                    decisionDate == null ? null : LocalDate.parse(decisionDate),
                    Period.parse(retentionPeriod),
                    clockStart,
                    caseType,
                    active,
                    changedBy,
                    changedAt);
        }
    }

    @Override
    public boolean create(RetentionRule rule) {
        return insert(rule);
    }

    @Override
    public boolean update(RetentionRule next) {
        return current(next.ruleId())
                .filter(current -> current.version() == next.version() - 1)
                .map(current -> insert(next))
                .orElse(false);
    }

    private boolean insert(RetentionRule rule) {
        try {
            mongo.insert(RuleVersionDocument.of(rule), VERSIONS);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public Optional<RetentionRule> current(String ruleId) {
        Query query = Query.query(Criteria.where("ruleId").is(ruleId))
                .with(Sort.by(Sort.Direction.DESC, "version"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, RuleVersionDocument.class, VERSIONS))
                .map(RuleVersionDocument::rule);
    }

    @Override
    public Optional<RetentionRule> version(String ruleId, int version) {
        return Optional.ofNullable(mongo.findById(ruleId + ":" + version, RuleVersionDocument.class, VERSIONS))
                .map(RuleVersionDocument::rule);
    }

    @Override
    public List<RetentionRule> history(String ruleId) {
        Query query = Query.query(Criteria.where("ruleId").is(ruleId)).with(Sort.by("version"));
        return mongo.find(query, RuleVersionDocument.class, VERSIONS).stream()
                .map(RuleVersionDocument::rule)
                .toList();
    }

    @Override
    public List<RetentionRule> ofEService(String eServiceId) {
        return latest(Query.query(Criteria.where("eServiceId").is(eServiceId)));
    }

    @Override
    public List<RetentionRule> allActive() {
        return latest(new Query()).stream().filter(RetentionRule::active).toList();
    }

    /** The current version of each rule among the versions the query selects. Rules are few (hundreds). */
    private List<RetentionRule> latest(Query query) {
        query.with(Sort.by("ruleId", "version"));
        List<RetentionRule> all = mongo.find(query, RuleVersionDocument.class, VERSIONS).stream()
                .map(RuleVersionDocument::rule)
                .toList();
        java.util.Map<String, RetentionRule> latest = new java.util.LinkedHashMap<>();
        all.forEach(rule -> latest.put(rule.ruleId(), rule));
        return List.copyOf(latest.values());
    }
}
