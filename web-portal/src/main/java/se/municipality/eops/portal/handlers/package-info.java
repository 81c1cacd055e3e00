/**
 * The handler search ({@code /handlers}): who handles an e-service's cases, from permission-service. Also the
 * pattern for a page: a controller that reads a form object, calls one typed client, and puts what came back (or
 * the service's field errors) in the model for its template under {@code templates/handlers/}.
 */
package se.municipality.eops.portal.handlers;
