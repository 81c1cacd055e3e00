/** What every page's controller shares: the errors of a form, from the portal's own checks or a service's answer. */
package se.municipality.eops.portal.web;
