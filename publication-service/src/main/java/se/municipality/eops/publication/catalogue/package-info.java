/**
 * The e-service catalogue and everything that changes it: registrations by the central team, publication
 * requests (checklist, reference-group review, the wait for the test-case purge, publication), new
 * versions, and editors' changes of basic information. An e-service and its versions are one aggregate,
 * one document, so each change and the events it causes are written together.
 */
package se.municipality.eops.publication.catalogue;
