/**
 * The web portal, a backend-for-frontend: {@code security} (login, route rules, headers), {@code layout} (the page
 * frame, languages, times), {@code services} (typed clients of the five services with token relay), {@code errors}
 * (problem details and outages as pages), then one package per feature with its controller and templates.
 */
package se.municipality.eops.portal;
