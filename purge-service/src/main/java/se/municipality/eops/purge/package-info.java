/**
 * The purge service irreversibly deletes cases, for case handler and citizen alike: an e-service's test cases
 * before it is published, and cases whose time under the committee's document management plan has run out.
 * Later issues add its consumers (CaseSubmitted and CaseClosed from the platform, ReviewApproved,
 * RequestSubmitted for purges, acknowledgements), purge plans approved by an archivist other than their
 * creator, the purge log, and its events CasesPurged, PurgePlanCreated, PurgePlanApproved, PurgeCompleted and
 * PurgeFailed.
 */
package se.municipality.eops.purge;
