package se.municipality.eops.permission.grant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/** A completed administrator training, as the central team recorded it. */
public record Training(LocalDate completedOn, String course, String recordedBy, Instant recordedAt) {

    /** No training of the suite's platform lies further back: an earlier day is a typing error. */
    public static final LocalDate EARLIEST_COMPLETION = LocalDate.of(2000, 1, 1);

    /**
     * The day a training was completed must have come already (it activates administrator grants: "activated only
     * once the person has had training") and may not lie before {@link #EARLIEST_COMPLETION}.
     *
     * @param today today in the service's time zone
     * @throws InvalidTrainingDateException naming {@code completedOn} otherwise
     */
    public static void checkCompletedOn(LocalDate completedOn, LocalDate today) {
        if (completedOn.isAfter(today)) {
            throw new InvalidTrainingDateException(
                    "may not lie in the future (today is " + today + ")",
                    InvalidTrainingDateException.IN_FUTURE,
                    Map.of("today", today.toString()));
        }
        if (completedOn.isBefore(EARLIEST_COMPLETION)) {
            throw new InvalidTrainingDateException(
                    "may not lie before " + EARLIEST_COMPLETION,
                    InvalidTrainingDateException.TOO_EARLY,
                    Map.of("earliest", EARLIEST_COMPLETION.toString()));
        }
    }

    /** A completion day the training gate does not take, with its kind as a problem's {@code errors[].code}. */
    public static class InvalidTrainingDateException extends BrokenRule {

        /** The day lies after today ({@code today}: today in the service's time zone). */
        public static final String IN_FUTURE = FieldErrorCodes.IN_FUTURE;
        /** The day lies before the earliest one taken ({@code earliest}: that day). */
        public static final String TOO_EARLY = "too-early";

        InvalidTrainingDateException(String message, String code, Map<String, Object> params) {
            super("completedOn", message, code, params);
        }
    }
}
