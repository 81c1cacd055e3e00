/**
 * Retention rules from the committees' document management plans, per e-service: which cases may be purged after
 * how long, on which purge decision. Maintained by the central team or an archivist; every change is a new version
 * kept in the rule's history, and a purge records the version it used.
 */
package se.municipality.eops.purge.rules;
