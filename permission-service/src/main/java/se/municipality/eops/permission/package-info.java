/**
 * The permission service grants and revokes the administrator, editor and case-handler permissions of
 * e-services, activating administrator permission only once the person has had training. Later issues add its
 * consumer of RequestSubmitted for permissions, handler groups, training records, expiry and access reviews,
 * and its events PermissionGranted, PermissionRevoked, PermissionAwaitingTraining, TrainingCompleted,
 * PermissionExpiring, PermissionExpired, PermissionRequestRefused and AccessReviewStarted.
 */
package se.municipality.eops.permission;
