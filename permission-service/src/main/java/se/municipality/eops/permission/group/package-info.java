/** Handler groups per e-service and the handler search of an e-service (direct or through a group). */
package se.municipality.eops.permission.group;
