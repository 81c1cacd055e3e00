/**
 * What every controller of the service shares: the collection of every field error of a body, answered together in
 * one problem (a form learns all it must correct with one submit, not one field at a time).
 */
package se.municipality.eops.permission.web;
