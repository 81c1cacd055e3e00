/** Scheduled jobs that run on one replica at a time, through a ShedLock lock in the service's database. */
package se.municipality.eops.starter.scheduling;
