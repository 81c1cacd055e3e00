/** The step descriptions and the judging of one step; plain Java. */
package se.municipality.eops.request.steps.domain;
