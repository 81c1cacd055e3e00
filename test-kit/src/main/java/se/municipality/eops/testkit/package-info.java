/**
 * Real infrastructure for integration tests, started once per test JVM and shared by every Spring
 * context: a Kafka broker (embedded KRaft, or Testcontainers where Docker exists), a
 * MongoDB-protocol server, an SMTP/IMAP server and the token issuer of the local stack.
 */
package se.municipality.eops.testkit;
