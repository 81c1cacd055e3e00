/**
 * The central team's desk: the queue of every request (filters, paging) and a request's page (reject with a reason,
 * assign, comment), the checklist editor, training records, retention rules, legal holds and the purge subscribers
 * with their overdue acknowledgements. Every page is {@code /team/**}, for {@code CENTRAL_TEAM} only.
 */
package se.municipality.eops.portal.team;
