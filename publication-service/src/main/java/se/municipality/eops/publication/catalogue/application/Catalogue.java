package se.municipality.eops.publication.catalogue.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.InfoChange;
import se.municipality.eops.publication.editors.application.EditorPermissions;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;
import se.municipality.eops.starter.web.PageBounds;

/** Reading the catalogue, registering existing e-services, and editors' changes of basic information. */
@Service
public class Catalogue {

    public static final int MAX_BULK = 1000;
    public static final int MAX_PAGE_SIZE = 100;
    static final int MAX_TEXT = 200;
    static final int MAX_INFO_TEXT = 10_000;
    static final int MAX_KEYWORDS = 50;
    private static final Pattern E_SERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final EServices eServices;
    private final EServiceWrites writes;
    private final EditorPermissions editors;
    private final Clock clock;

    public Catalogue(EServices eServices, EServiceWrites writes, EditorPermissions editors, Clock clock) {
        this.eServices = eServices;
        this.writes = writes;
        this.editors = editors;
        this.clock = clock;
    }

    /** An existing e-service as the central team registers it. */
    public record Registration(
            String eServiceId,
            String name,
            String committee,
            String orderer,
            String contact,
            String versionLabel,
            BasicInfo basicInfo) {}

    /** What became of one registration of a bulk import. */
    public record RegistrationOutcome(String eServiceId, Outcome outcome, String field, String message) {
        public enum Outcome {
            REGISTERED,
            ALREADY_REGISTERED,
            INVALID
        }
    }

    public EService get(String eServiceId) {
        return eServices.find(eServiceId).orElseThrow(() -> new NotFoundException("No e-service " + eServiceId + "."));
    }

    public EServices.CataloguePage search(EServices.CatalogueQuery query) {
        PageBounds.check(query.page(), query.size(), MAX_PAGE_SIZE);
        return eServices.search(query);
    }

    /** Registers one e-service; 409 if the catalogue has it. */
    public EService register(Registration registration, String registeredBy) {
        EService registered = checked(registration, "", registeredBy);
        if (!writes.add(registered)) {
            throw new ConflictException(
                    "eServiceId", "the catalogue has " + registration.eServiceId() + " already", FieldErrorCodes.TAKEN);
        }
        return registered;
    }

    /**
     * Registers each e-service of a bulk import on its own: one invalid or already registered entry does
     * not stop the others, and importing the same list again registers nothing twice.
     */
    public List<RegistrationOutcome> registerAll(List<Registration> registrations, String registeredBy) {
        if (registrations == null || registrations.isEmpty()) {
            throw new InvalidInputException("eServices", "must list at least one e-service", FieldErrorCodes.EMPTY);
        }
        if (registrations.size() > MAX_BULK) {
            throw new InvalidInputException(
                    "eServices",
                    "must list at most " + MAX_BULK + " e-services per import",
                    FieldErrorCodes.TOO_MANY,
                    Map.of("max", MAX_BULK));
        }
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i++) {
            Registration registration = registrations.get(i);
            String at = "eServices[" + i + "]";
            String id = registration == null ? null : registration.eServiceId();
            try {
                EService registered = checked(registration, at + ".", registeredBy);
                outcomes.add(
                        writes.add(registered)
                                ? new RegistrationOutcome(id, RegistrationOutcome.Outcome.REGISTERED, null, null)
                                : new RegistrationOutcome(
                                        id,
                                        RegistrationOutcome.Outcome.ALREADY_REGISTERED,
                                        at + ".eServiceId",
                                        "the catalogue has it already"));
            } catch (InvalidInputException invalid) {
                outcomes.add(new RegistrationOutcome(
                        id, RegistrationOutcome.Outcome.INVALID, invalid.field(), invalid.getMessage()));
            }
        }
        return outcomes;
    }

    /** An editor of the e-service changes its basic information; anyone else gets 403. */
    public Optional<InfoChange> editBasicInfo(String eServiceId, BasicInfo edited, String userId) {
        get(eServiceId);
        if (!editors.mayEdit(userId, eServiceId)) {
            throw new AccessDeniedException(userId + " holds no editor grant for " + eServiceId);
        }
        checkInfo(edited, "");
        return writes.change(
                "edit of " + eServiceId,
                () -> get(eServiceId),
                eService -> eService.editBasicInfo(edited, userId, clock.instant()));
    }

    public List<InfoChange> changeLog(String eServiceId) {
        return get(eServiceId).changeLog();
    }

    private EService checked(Registration registration, String prefix, String registeredBy) {
        if (registration == null) {
            throw new InvalidInputException(
                    prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "is required",
                    FieldErrorCodes.REQUIRED);
        }
        if (registration.eServiceId() == null
                || !E_SERVICE_ID.matcher(registration.eServiceId()).matches()) {
            throw new InvalidInputException(
                    prefix + "eServiceId",
                    "must be 1 to 64 letters, digits or . _ : -",
                    FieldErrorCodes.NOT_AN_ID,
                    Map.of("max", 64));
        }
        text(registration.name(), prefix + "name", true);
        text(registration.committee(), prefix + "committee", false);
        text(registration.orderer(), prefix + "orderer", false);
        text(registration.contact(), prefix + "contact", false);
        text(registration.versionLabel(), prefix + "versionLabel", false);
        BasicInfo info =
                registration.basicInfo() == null ? new BasicInfo(null, List.of(), null) : registration.basicInfo();
        checkInfo(info, prefix + "basicInfo.");
        return EService.register(
                registration.eServiceId(),
                registration.name(),
                registration.committee(),
                registration.orderer(),
                registration.contact(),
                registration.versionLabel(),
                new BasicInfo(
                        info.informationText(),
                        info.searchKeywords() == null ? List.of() : info.searchKeywords(),
                        info.requirements()),
                registeredBy,
                clock.instant());
    }

    private static void checkInfo(BasicInfo info, String prefix) {
        if (info == null) {
            throw new InvalidInputException(
                    prefix.isEmpty() ? "body" : prefix, "is required", FieldErrorCodes.REQUIRED);
        }
        if (info.informationText() != null && info.informationText().length() > MAX_INFO_TEXT) {
            throw new InvalidInputException(
                    prefix + "informationText",
                    "must be at most " + MAX_INFO_TEXT + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_INFO_TEXT));
        }
        if (info.requirements() != null && info.requirements().length() > MAX_INFO_TEXT) {
            throw new InvalidInputException(
                    prefix + "requirements",
                    "must be at most " + MAX_INFO_TEXT + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_INFO_TEXT));
        }
        if (info.searchKeywords() != null) {
            if (info.searchKeywords().size() > MAX_KEYWORDS) {
                throw new InvalidInputException(
                        prefix + "searchKeywords",
                        "must hold at most " + MAX_KEYWORDS + " words",
                        FieldErrorCodes.TOO_MANY,
                        Map.of("max", MAX_KEYWORDS));
            }
            for (int i = 0; i < info.searchKeywords().size(); i++) {
                text(info.searchKeywords().get(i), prefix + "searchKeywords[" + i + "]", true);
            }
        }
    }

    private static void text(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required", FieldErrorCodes.REQUIRED);
            }
            return;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(
                    field,
                    "must be at most " + MAX_TEXT + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_TEXT));
        }
    }
}
