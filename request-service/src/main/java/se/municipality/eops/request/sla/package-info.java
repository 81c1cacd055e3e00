/**
 * Service levels: the longest a request may stay in each status ({@code eops.requests.sla.<STATUS>}); a job
 * marks requests that waited longer as overdue, once per stay in a status, and publishes RequestOverdue so
 * that notification-service reminds the central team (and the assignee).
 */
package se.municipality.eops.request.sla;
