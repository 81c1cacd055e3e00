/**
 * Legal holds: a case or a whole e-service kept out of every purge (with a reason and who set it), also of a plan
 * made before the hold; a hold is checked again before each batch is deleted. Each hold is its own: a case stays held
 * while any hold on it or its e-service is in force, and a lifted hold is kept with who lifted it, when and why.
 */
package se.municipality.eops.purge.holds;
