package se.municipality.eops.permission.grant.domain;

import java.util.Objects;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.Person;

/** Who a grant is for: one person or one handler group, never both. */
public record Holder(Person person, Group group) {

    public Holder {
        if ((person == null) == (group == null)) {
            throw new IllegalArgumentException("a grant is for exactly one person or one group");
        }
    }

    public static Holder of(Person person) {
        return new Holder(Objects.requireNonNull(person, "person"), null);
    }

    public static Holder of(Group group) {
        return new Holder(null, Objects.requireNonNull(group, "group"));
    }

    public boolean isGroup() {
        return group != null;
    }

    public String describe() {
        return isGroup() ? "group " + group.name() : person.personId();
    }
}
