/**
 * The local sign-in (Spring Authorization Server) that run.sh and the system tests start; see local-identity's
 * README. Never deployed: production uses the municipality's OIDC provider.
 */
package se.municipality.eops.identity;
