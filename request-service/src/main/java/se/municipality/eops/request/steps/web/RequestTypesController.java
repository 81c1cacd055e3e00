package se.municipality.eops.request.steps.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.steps.domain.RequestSteps;
import se.municipality.eops.request.steps.domain.Step;

/** The form's description, for a front end to render the steps from. Any logged-in user may read it. */
@RestController
@RequestMapping("/api/request-types")
class RequestTypesController {

    @GetMapping
    @Operation(
            summary = "The request types and their steps",
            description = "Each type with its steps in order (Previous / Next), each step with its fields.")
    List<RequestSteps.TypeDescription> types() {
        return RequestSteps.types();
    }

    @GetMapping("/{type}/steps")
    @Operation(
            summary = "The steps of one request type",
            description = "Each field: its JSON path in the request body (name), labels in Swedish and English, "
                    + "whether it is required (or requiredWhen another field has one of some values), max length, "
                    + "max items, allowed values, and the fields of an object or of each entry of a list.")
    List<Step> steps(@PathVariable RequestType type) {
        return RequestSteps.of(type);
    }
}
