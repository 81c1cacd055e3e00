package se.municipality.eops.request.filing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;

/**
 * What a requester files. Exactly one of the details objects is given, the one named by {@code
 * type}. Who files it comes from the bearer token, never from the body.
 */
@Schema(description = "A request to publish, purge or change permissions. Give the details object that matches type.")
record FileRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RequestType type,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission) {}
