/**
 * Live updates: Server-Sent Events streams that push a request's status changes to its requester (one request, or
 * all of "my requests") as they happen. Every replica reads the service's own topic in a consumer group of its own,
 * so a change reaches the streams open on any replica, whichever replica made it; a reconnect with
 * {@code Last-Event-ID} first gets what it missed from the stored timeline.
 */
package se.municipality.eops.request.live;
