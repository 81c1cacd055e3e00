/** The purge aggregate, its plan preview, batches and log entry, and the ports it needs; free of frameworks. */
package se.municipality.eops.purge.purging.domain;
