/** Legal holds; free of frameworks. */
package se.municipality.eops.purge.holds.domain;
