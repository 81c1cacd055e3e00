/**
 * Who may edit which e-service's basic information: a local read model of permission-service's editor
 * grants (PermissionGranted, PermissionRevoked, PermissionExpired for role EDITOR).
 */
package se.municipality.eops.publication.editors;
