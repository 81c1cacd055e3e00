/** The request aggregate and its filing rules; free of frameworks. */
package se.municipality.eops.request.filing.domain;
