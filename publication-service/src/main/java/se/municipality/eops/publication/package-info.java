/**
 * The publication service makes brand-new e-services and new versions of e-services live: it checks a new
 * e-service's checklist, has the reference group review it, waits until its test cases are purged and then
 * publishes it. It consumes RequestSubmitted (publications), CasesPurged and the permission events (the editors'
 * read model), and publishes the publication events of the contract on eops.publication.events.
 */
package se.municipality.eops.publication;
