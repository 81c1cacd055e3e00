/** Helpers for the JDK's built-in HTTP server, shared by the token issuer and the mail viewer. */
package se.municipality.eops.localstack.http;
