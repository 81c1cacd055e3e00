/**
 * The front door of the suite: e-service administrators and ambassadors file requests to publish,
 * purge or change permissions here, and follow each request's status and timeline until it is done
 * or rejected.
 */
package se.municipality.eops.request;
