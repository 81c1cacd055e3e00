package se.municipality.eops.starter.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as the token describes them. Roles are without the {@code ROLE_} prefix. */
public record CurrentUser(String userId, String name, String email, Set<String> roles) {

    public static CurrentUser fromSecurityContext() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static CurrentUser from(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("no authenticated JWT caller");
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        String name = jwt.getClaimAsString("name");
        return new CurrentUser(
                jwt.getSubject(), name != null ? name : jwt.getSubject(), jwt.getClaimAsString("email"), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
