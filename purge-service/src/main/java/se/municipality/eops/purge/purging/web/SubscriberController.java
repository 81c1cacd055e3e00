package se.municipality.eops.purge.purging.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.purging.application.Acknowledgements;
import se.municipality.eops.purge.purging.domain.Subscribers;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

/** The systems that must acknowledge every purged batch, registered by the central team. */
@RestController
@RequestMapping("/api/subscribers")
@PreAuthorize("hasRole('CENTRAL_TEAM')")
class SubscriberController {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Acknowledgements acknowledgements;

    SubscriberController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    record SubscriberBody(String name) {}

    @PutMapping("/{subscriberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@PathVariable String subscriberId, @RequestBody SubscriberBody body) {
        if (!ID.matcher(subscriberId).matches()) {
            throw new InvalidInputException(
                    "subscriberId", "is 1-64 letters, digits or . _ : -", FieldErrorCodes.NOT_AN_ID, Map.of("max", 64));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new InvalidInputException(
                    "name",
                    "is required (at most 200 characters)",
                    body.name() == null || body.name().isBlank() ? FieldErrorCodes.REQUIRED : FieldErrorCodes.TOO_LONG,
                    Map.of("max", 200));
        }
        acknowledgements.register(
                subscriberId, body.name(), CurrentUser.fromSecurityContext().userId());
    }

    @GetMapping
    List<Subscribers.Subscriber> all() {
        return acknowledgements.subscribers();
    }
}
