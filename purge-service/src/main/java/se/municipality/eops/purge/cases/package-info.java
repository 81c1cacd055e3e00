/**
 * The cases index: what purges need to know of every case of the e-service platform (id, e-service, submitted and
 * closed, test flag), fed by the platform's case events and by bulk imports of a backlog. No names, no personal
 * numbers, no case content.
 */
package se.municipality.eops.purge.cases;
