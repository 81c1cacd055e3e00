package se.municipality.eops.localstack.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person who exists in the local suite, so that every role can be tried without a real identity
 * provider. The local-identity module signs them in with a password; {@link DemoTokenIssuer} signs tokens for
 * them in tests.
 *
 * <table>
 *   <caption>Demo users</caption>
 *   <tr><th>username</th><th>name</th><th>e-mail</th><th>roles</th><th>what they do</th></tr>
 *   <tr><td>anna</td><td>Anna Andersson</td><td>anna.andersson@kommun.example</td>
 *       <td>ESERVICE_ADMINISTRATOR</td><td>administers e-services, files requests</td></tr>
 *   <tr><td>erik</td><td>Erik Ek</td><td>erik.ek@kommun.example</td>
 *       <td>ESERVICE_AMBASSADOR</td><td>local e-service champion, files requests</td></tr>
 *   <tr><td>cecilia</td><td>Cecilia Berg</td><td>cecilia.berg@kommun.example</td>
 *       <td>CENTRAL_TEAM</td><td>handles requests in the central team</td></tr>
 *   <tr><td>rolf</td><td>Rolf Lind</td><td>rolf.lind@kommun.example</td>
 *       <td>REFERENCE_GROUP</td><td>reference group member</td></tr>
 *   <tr><td>rut</td><td>Rut Holm</td><td>rut.holm@kommun.example</td>
 *       <td>REFERENCE_GROUP</td><td>reference group member</td></tr>
 *   <tr><td>arvid</td><td>Arvid Sten</td><td>arvid.sten@kommun.example</td>
 *       <td>ARCHIVIST</td><td>archivist</td></tr>
 *   <tr><td>astrid</td><td>Astrid Ström</td><td>astrid.strom@kommun.example</td>
 *       <td>ARCHIVIST</td><td>second archivist: approves purge plans another archivist made (four eyes)</td></tr>
 *   <tr><td>nils</td><td>Nils Nord</td><td>nils.nord@kommun.example</td>
 *       <td>CASE_HANDLER</td><td>no requester role: gets 403 when filing a request</td></tr>
 * </table>
 */
public record DemoUser(String username, String name, String email, List<String> roles) {

    /** The single list of demo users; run.sh, the README and tests refer to these usernames. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("anna", "Anna Andersson", "anna.andersson@kommun.example", List.of("ESERVICE_ADMINISTRATOR")),
            new DemoUser("erik", "Erik Ek", "erik.ek@kommun.example", List.of("ESERVICE_AMBASSADOR")),
            new DemoUser("cecilia", "Cecilia Berg", "cecilia.berg@kommun.example", List.of("CENTRAL_TEAM")),
            new DemoUser("rolf", "Rolf Lind", "rolf.lind@kommun.example", List.of("REFERENCE_GROUP")),
            new DemoUser("rut", "Rut Holm", "rut.holm@kommun.example", List.of("REFERENCE_GROUP")),
            new DemoUser("arvid", "Arvid Sten", "arvid.sten@kommun.example", List.of("ARCHIVIST")),
            new DemoUser("astrid", "Astrid Ström", "astrid.strom@kommun.example", List.of("ARCHIVIST")),
            new DemoUser("nils", "Nils Nord", "nils.nord@kommun.example", List.of("CASE_HANDLER")));

    public DemoUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        roles = List.copyOf(roles);
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    /** Like {@link #find} but fails with a message that lists who does exist. */
    public static DemoUser get(String username) {
        return find(username)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown demo user '" + username + "'. Known users: " + usernames()));
    }

    /**
     * The claims that say who this user is, the same in every token the local issuers make: {@code name, email,
     * preferred_username, roles} (a JSON array of role names, which the services and the portal read).
     */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", name);
        claims.put("email", email);
        claims.put("preferred_username", username);
        claims.put("roles", roles);
        return claims;
    }

    /** One aligned line per demo user (username, name, e-mail, roles), as run.sh prints them. */
    public static String table() {
        StringBuilder text = new StringBuilder();
        for (DemoUser user : ALL) {
            text.append(String.format(
                    "%-9s %-16s %-31s %s\n",
                    user.username(), user.name(), user.email(), String.join(",", user.roles())));
        }
        return text.toString();
    }

    public static String usernames() {
        return ALL.stream().map(DemoUser::username).collect(Collectors.joining(", "));
    }
}
