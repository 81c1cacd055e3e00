/**
 * The reference group's desk: the reviews waiting for me with the requester's checklist answers, a review's page
 * to approve or reject it with a comment (also for a reviewer who delegated to me), and my delegation while away.
 * Every page is {@code /reviews/**}, for {@code REFERENCE_GROUP} only.
 */
package se.municipality.eops.portal.reviews;
