/**
 * The archivists' desk: retention purge plans with their preview (counts and references, never a citizen's data),
 * making a plan from a rule, approving another archivist's plan (four eyes: no approve button on my own), and the
 * purge log with its CSV export streamed from purge-service. Every page is {@code /purges/**} or {@code
 * /purge-log/**}, for {@code ARCHIVIST} only.
 */
package se.municipality.eops.portal.archive;
