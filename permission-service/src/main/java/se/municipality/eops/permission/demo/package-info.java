/** The demo users' permissions, seeded once when {@code eops.demo.enabled} is on. */
package se.municipality.eops.permission.demo;
