/**
 * Grants: carries out permission requests from request-service (or refuses them with a reason),
 * withdraws a grant still waiting for training when its request is withdrawn, records trainings,
 * answers "may P act as R on E now?", expires time-bounded grants.
 */
package se.municipality.eops.permission.grant;
