/** Which downstream event moves which kind of request where; free of frameworks. */
package se.municipality.eops.request.lifecycle.domain;
