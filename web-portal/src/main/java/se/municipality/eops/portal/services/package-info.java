/**
 * One typed client per service on {@link org.springframework.web.client.RestClient}, each call carrying the
 * person's access token (token relay through the {@code OAuth2AuthorizedClientManager}, refreshed when it expires).
 * A service's problem details become a {@link se.municipality.eops.portal.services.ServiceProblem} (field errors
 * for the form, or a message); a service that does not answer, a
 * {@link se.municipality.eops.portal.services.ServiceUnavailable} (a friendly page). Never a 500.
 */
package se.municipality.eops.portal.services;
