/**
 * The local infrastructure run.sh starts as separate processes: {@link se.municipality.eops.localstack.MongoServerMain}
 * and {@link se.municipality.eops.localstack.DevServicesMain} (the Kafka broker runs Kafka's own main class).
 * Nothing here is deployed; it replaces MongoDB, Kafka, a mail server and an identity provider on a laptop.
 */
package se.municipality.eops.localstack;
