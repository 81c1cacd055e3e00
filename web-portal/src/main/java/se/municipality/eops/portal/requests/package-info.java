/**
 * The requester's pages: a new request (type picker, then the steps request-service publishes, a summary, submit
 * once), my requests, one request with its live timeline (request-service's server-sent events relayed), withdraw
 * and comment.
 */
package se.municipality.eops.portal.requests;
