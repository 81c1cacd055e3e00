/**
 * Login (authorization code + PKCE against the suite's issuer or any OIDC provider), logout (OIDC RP-initiated, the
 * session ends), the route -> role rules of every page ({@link se.municipality.eops.portal.security.PageAccess}),
 * CSRF, cookie flags and the security headers (a strict Content-Security-Policy).
 */
package se.municipality.eops.portal.security;
