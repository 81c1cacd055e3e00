package se.municipality.eops.permission.grant.application;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code eops.permission.*}).
 *
 * @param jobInterval how often the scheduled job (expiry, access reviews, grant counts) runs
 * @param timeZone where "today" is, for the days people give (a training's completion day)
 */
@ConfigurationProperties("eops.permission")
public record PermissionProperties(
        @DefaultValue("1m") Duration jobInterval,
        @DefaultValue Expiry expiry,
        @DefaultValue AccessReview accessReview,
        @DefaultValue("Europe/Stockholm") ZoneId timeZone) {

    /** @param warnBefore how long before a grant's end {@code PermissionExpiring} goes out */
    public record Expiry(@DefaultValue("14d") Duration warnBefore) {}

    /**
     * @param enabled whether access reviews start on their own
     * @param cycle how often each e-service's grants are reviewed
     * @param answerWithin how long the administrators have to decide
     * @param revokeWhenOverdue whether grants nobody decided on by the deadline are revoked
     */
    public record AccessReview(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("90d") Duration cycle,
            @DefaultValue("14d") Duration answerWithin,
            @DefaultValue("false") boolean revokeWhenOverdue) {}
}
