/**
 * Legal holds: a case or a whole e-service kept out of every purge (with a reason and who set it), also of a plan
 * made before the hold; a hold is checked again before each batch is deleted.
 */
package se.municipality.eops.purge.holds;
