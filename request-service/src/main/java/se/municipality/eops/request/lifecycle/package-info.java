/**
 * A request's life after filing: its status moves by itself as publication-, purge- and permission-service
 * act (their events, matched by {@code requestId}), never backwards; the requester may withdraw it and the
 * requester or the central team may comment. Every change goes on the timeline and out as request events.
 */
package se.municipality.eops.request.lifecycle;
