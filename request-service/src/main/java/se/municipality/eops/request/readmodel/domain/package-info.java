/** What the read models hold, the subject of a request, and the answers they give; plain Java. */
package se.municipality.eops.request.readmodel.domain;
