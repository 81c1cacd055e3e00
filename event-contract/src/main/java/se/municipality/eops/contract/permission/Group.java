package se.municipality.eops.contract.permission;

/**
 * A handler group a grant is for; its members are in the group's {@link HandlerGroupChanged} events.
 *
 * @param groupId the group's stable id (it survives a rename)
 * @param name the group's name when the event happened
 */
public record Group(String groupId, String name) {}
