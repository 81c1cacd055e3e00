/**
 * Grants and their life (awaiting training, active, expiring, expired, revoked, withdrawn), the training gate and
 * the rules that refuse a permission request. Free of frameworks.
 */
package se.municipality.eops.permission.grant.domain;
