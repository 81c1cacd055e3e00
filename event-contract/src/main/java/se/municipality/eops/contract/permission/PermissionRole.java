package se.municipality.eops.contract.permission;

/**
 * What a grant allows. An administrator builds and manages e-services (after training); an editor
 * edits the basic information of one published e-service; a case handler processes the cases of one
 * e-service.
 */
public enum PermissionRole {
    ADMINISTRATOR,
    EDITOR,
    CASE_HANDLER
}
