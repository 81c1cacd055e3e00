package se.municipality.eops.purge.rules.domain;

import java.util.List;
import java.util.Optional;

/** The store of retention rules: the current version of each, and every version ever in force. */
public interface RetentionRules {

    /** Stores version 1 of a new rule. @return false if the id is taken */
    boolean create(RetentionRule rule);

    /** Stores {@code next} if the current version still is {@code next.version() - 1}. */
    boolean update(RetentionRule next);

    Optional<RetentionRule> current(String ruleId);

    Optional<RetentionRule> version(String ruleId, int version);

    List<RetentionRule> history(String ruleId);

    List<RetentionRule> ofEService(String eServiceId);

    List<RetentionRule> allActive();
}
