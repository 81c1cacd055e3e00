package se.municipality.eops.publication.delegation.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.publication.Reviewer;
import se.municipality.eops.publication.delegation.application.ReviewDelegation;
import se.municipality.eops.publication.delegation.domain.Delegation;
import se.municipality.eops.starter.security.CurrentUser;

@RestController
@RequestMapping("/api/reviews/delegations")
@PreAuthorize("hasRole('REFERENCE_GROUP')")
class DelegationController {

    private final ReviewDelegation delegation;

    DelegationController(ReviewDelegation delegation) {
        this.delegation = delegation;
    }

    /** Whom to hand decisions to, and for which period ({@code from} inclusive, {@code until} exclusive). */
    record DelegateBody(String delegateId, Instant from, Instant until) {}

    @PostMapping
    @Operation(
            summary = "Let another reviewer decide for me during a period",
            description = "Reference group only. The delegate's decisions in the period count as mine"
                    + " (recorded as made on my behalf); outside it they are refused. Announced as ReviewDelegated"
                    + " on eops.publication.events, so the delegate is told. The service keeps no list of the"
                    + " reference group, so it does not check that the delegate is a reviewer: the delegate decides"
                    + " for me only with the reference group's role in their own token.")
    ResponseEntity<Delegation> delegate(@RequestBody DelegateBody body) {
        CurrentUser caller = CurrentUser.fromSecurityContext();
        Delegation created = delegation.delegate(
                new Reviewer(caller.userId(), caller.name(), caller.email()),
                body.delegateId(),
                body.from(),
                body.until());
        return ResponseEntity.created(URI.create("/api/reviews/delegations/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The delegations I gave or received")
    List<Delegation> mine() {
        return delegation.involving(CurrentUser.fromSecurityContext().userId());
    }
}
