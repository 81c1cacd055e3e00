/** The indexed case and the port of the index; free of frameworks. */
package se.municipality.eops.purge.cases.domain;
