/**
 * The purge service irreversibly deletes cases, for case handler and citizen alike: an e-service's test cases
 * before it is published, and cases whose time under the committee's document management plan has run out, on a
 * plan a second archivist approved. Features: {@code cases} (the index), {@code rules} (retention rules, versioned),
 * {@code holds} (legal holds), {@code purging} (plans, execution, purge log, acknowledgements), {@code demo}.
 */
package se.municipality.eops.purge;
