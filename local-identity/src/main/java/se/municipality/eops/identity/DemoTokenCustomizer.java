package se.municipality.eops.identity;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import se.municipality.eops.localstack.identity.DemoUser;

/**
 * Gives the tokens of the code flow the claims the suite reads: access and ID tokens carry the demo user's {@code
 * name, email, preferred_username, roles}; the access token's {@code aud} is the audience the services require
 * (Spring Authorization Server would put the client id there), the ID token keeps the client id as OIDC demands.
 */
final class DemoTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final String audience;

    DemoTokenCustomizer(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Map<String, Object> person = DemoUser.find(context.getPrincipal().getName())
                .map(DemoUser::claims)
                .orElse(Map.of());
        context.getClaims().claims(claims -> claims.putAll(person));
        if (accessToken) {
            context.getClaims().audience(List.of(audience));
        }
    }
}
