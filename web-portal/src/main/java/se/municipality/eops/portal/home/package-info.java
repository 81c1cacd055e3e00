/** The start page after login. */
package se.municipality.eops.portal.home;
