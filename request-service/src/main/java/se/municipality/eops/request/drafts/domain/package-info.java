/** A draft and where drafts are kept; plain Java. */
package se.municipality.eops.request.drafts.domain;
