/**
 * Drafts of requests, filled one step of the form at a time: each step is judged when it is saved
 * (later steps are not judged yet), and a complete draft is submitted as the request it describes.
 * A draft is its requester's alone and expires after {@code eops.drafts.expire-after} without a change.
 */
package se.municipality.eops.request.drafts;
