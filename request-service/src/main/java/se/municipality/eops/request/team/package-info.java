/**
 * The central team's desk: every request, filtered and paged; rejecting one with a reason and assigning one to
 * a member of the team.
 */
package se.municipality.eops.request.team;
