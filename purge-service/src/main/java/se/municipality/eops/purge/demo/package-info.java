/** Demo data for ./run.sh: cases of various ages and retention rules for the demo e-services. */
package se.municipality.eops.purge.demo;
