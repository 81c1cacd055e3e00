/**
 * The suite's shared starter: every service depends on it and gets the outbox relay, idempotent
 * event consumers with dead letters, the CloudEvents envelope, RFC 9457 problem responses, JWT
 * resource-server security and the shared configuration defaults.
 */
package se.municipality.eops.starter;
