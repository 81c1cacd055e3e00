package se.municipality.eops.portal.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * The person's roles as {@code ROLE_<name>} authorities, read from the ID token's (or user info's) roles claim
 * ({@code eops.portal.roles-claim}), the same claim the services read from the access token.
 */
final class RolesFromClaims implements GrantedAuthoritiesMapper {

    private final String claim;

    RolesFromClaims(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                addRoles(oidc.getIdToken().getClaims(), mapped);
                if (oidc.getUserInfo() != null) {
                    addRoles(oidc.getUserInfo().getClaims(), mapped);
                }
            } else if (authority instanceof OAuth2UserAuthority user) {
                addRoles(user.getAttributes(), mapped);
            }
        }
        return mapped;
    }

    private void addRoles(Map<String, Object> claims, Set<GrantedAuthority> into) {
        Object roles = claims.get(claim);
        if (roles instanceof String single) {
            roles = List.of(single.split("[ ,]+"));
        }
        if (roles instanceof Collection<?> names) {
            names.stream()
                    .filter(name -> name instanceof String text && !text.isBlank())
                    .map(name -> new SimpleGrantedAuthority("ROLE_" + name))
                    .forEach(into::add);
        }
    }
}
