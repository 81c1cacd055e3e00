/**
 * Local read models of the other services' facts — the catalogue of e-services, grants and handler
 * groups — fed only by their events (never a call to another service), and the answers they give at
 * once when a request is filed or a draft's step saved: an e-service not in the catalogue, a person
 * who already is a case handler (directly or through a group) or administrator, a second open
 * request for the same thing. While a read model is still catching up with its topic (a fresh
 * replica replays it from the start) its answers are not given; filing says so (503, Retry-After).
 */
package se.municipality.eops.request.readmodel;
