/**
 * Filing a request: validation of what the requester asks for, the request's first status and
 * timeline entry, and the {@code RequestSubmitted} event that starts the work in other services.
 */
package se.municipality.eops.request.filing;
