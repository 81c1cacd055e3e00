package se.municipality.eops.starter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a service reads; larger ones are answered with 413
 *     before they are parsed, whether they declare their length or come in chunks
 */
@ConfigurationProperties("eops.web")
public record WebInputProperties(DataSize maxBodySize) {

    /** Fits the largest valid request of any service, even with every non-ASCII character escaped. */
    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

    public WebInputProperties {
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
    }
}
