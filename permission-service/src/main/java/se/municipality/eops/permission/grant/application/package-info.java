/** Use cases of grants: carry out requests, record trainings, check, expire. */
package se.municipality.eops.permission.grant.application;
