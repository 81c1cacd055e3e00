/** Use cases of grants: carry out and withdraw requests, record trainings, check, expire. */
package se.municipality.eops.permission.grant.application;
