/**
 * The publication service makes brand-new e-services and new versions of e-services live: it checks a new
 * e-service's checklist, has the reference group review it, waits until its test cases are purged and then
 * publishes it. Later issues add its consumers (RequestSubmitted for publications, CasesPurged, permission
 * events for the editors' read model) and its events PublicationBlocked, ReviewRequested, ReviewApproved,
 * ReviewRejected, EServicePublished and EServiceInfoUpdated.
 */
package se.municipality.eops.publication;
