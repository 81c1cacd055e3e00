/**
 * Checks event payloads against the catalogue's JSON Schemas. Needs the optional dependencies
 * {@code com.networknt:json-schema-validator} and {@code tools.jackson.core:jackson-databind} on the
 * classpath; the rest of the contract works without them.
 */
package se.municipality.eops.contract.schema;
