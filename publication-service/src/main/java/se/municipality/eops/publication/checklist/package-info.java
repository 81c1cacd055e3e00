/**
 * The checklist a brand-new e-service is judged against: versioned items the central team maintains, and
 * the judgement of a requester's answers against the version in force when the request was filed.
 */
package se.municipality.eops.publication.checklist;
