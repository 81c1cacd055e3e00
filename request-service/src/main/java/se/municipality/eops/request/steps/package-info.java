/**
 * The steps of the request form (Previous / Next), per request type: which fields each step asks
 * for, with labels in Swedish and English and their limits, for a front end to render from. A step
 * is judged by the request rules themselves ({@code RequestRules}), keeping only the broken rules of
 * its own fields, so the description and the validation cannot drift apart.
 */
package se.municipality.eops.request.steps;
