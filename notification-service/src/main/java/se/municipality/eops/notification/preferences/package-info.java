/**
 * Per-person settings of notifications: the language (Swedish by default, English on request),
 * set by the person ({@code PUT /api/preferences/me}) or by the central team for them.
 */
package se.municipality.eops.notification.preferences;
