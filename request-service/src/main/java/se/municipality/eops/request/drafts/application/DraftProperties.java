package se.municipality.eops.request.drafts.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drafts' settings ({@code eops.drafts.*}).
 *
 * @param expireAfter how long a draft is kept after its last change
 * @param maxPerUser how many open drafts one requester may have (keeps what one user can store bounded)
 * @param expiryInterval how often expired drafts are removed (one replica at a time)
 */
@ConfigurationProperties("eops.drafts")
public record DraftProperties(
        @DefaultValue("14d") Duration expireAfter,
        @DefaultValue("20") int maxPerUser,
        @DefaultValue("1h") Duration expiryInterval) {}
