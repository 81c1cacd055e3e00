/**
 * The kinds of broken input rules every service can name ({@link se.municipality.eops.starter.rules.FieldErrorCodes}),
 * free of frameworks so that a service's domain may use them too.
 */
package se.municipality.eops.starter.rules;
