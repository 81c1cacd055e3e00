/**
 * The local identity provider: demo users and an OIDC-style issuer that signs tokens for them, used by
 * run.sh's dev services and reused by tests through test-kit.
 */
package se.municipality.eops.localstack.identity;
