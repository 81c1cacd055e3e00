/** Retention rules and their versions; free of frameworks. */
package se.municipality.eops.purge.rules.domain;
