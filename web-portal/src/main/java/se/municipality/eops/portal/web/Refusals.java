package se.municipality.eops.portal.web;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import se.municipality.eops.portal.services.ServiceProblem;

/**
 * A service's refusal of a form, shown on the form: each field the service named next to its input when the form
 * has one ({@code inputOf} answers null when not), anything else in the error summary; either in the person's
 * language when the service named the kind of error and the bundles know it, else in the service's words. Only
 * "not found" and "not logged in" leave the form for the error pages.
 */
public final class Refusals {

    private Refusals() {}

    /** Sends a form with {@code call}: true when the service took it, false with its refusal in {@code errors}. */
    public static boolean accepted(Runnable call, FormErrors errors, UnaryOperator<String> inputOf) {
        try {
            call.run();
            return true;
        } catch (ServiceProblem problem) {
            show(problem, errors, inputOf);
            return false;
        }
    }

    /** Like {@link #accepted(Runnable, FormErrors, UnaryOperator)} for a call whose answer the page needs. */
    public static <T> Optional<T> answer(Supplier<T> call, FormErrors errors, UnaryOperator<String> inputOf) {
        try {
            return Optional.of(call.get());
        } catch (ServiceProblem problem) {
            show(problem, errors, inputOf);
            return Optional.empty();
        }
    }

    public static void show(ServiceProblem problem, FormErrors errors, UnaryOperator<String> inputOf) {
        int status = problem.status();
        if (status == 401 || status == 404 || status == 410) {
            throw problem;
        }
        if (problem.fieldErrors().isEmpty()) {
            errors.general(messageKeyOf(status), problem.detail());
            return;
        }
        for (ServiceProblem.FieldProblem error : problem.fieldErrors()) {
            String input = inputOf.apply(error.field());
            if (input != null) {
                errors.reject(input, error);
            } else {
                errors.general(messageKeyOf(status), error, error.field() + ": " + error.message());
            }
        }
    }

    private static String messageKeyOf(int status) {
        return switch (status) {
            case 403 -> "form.refused.forbidden";
            case 409 -> "form.refused.conflict";
            default -> "error.problem.generic";
        };
    }
}
