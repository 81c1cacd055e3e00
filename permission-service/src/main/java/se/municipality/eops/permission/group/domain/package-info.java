/** Handler groups of an e-service and their membership changes. Free of frameworks. */
package se.municipality.eops.permission.group.domain;
