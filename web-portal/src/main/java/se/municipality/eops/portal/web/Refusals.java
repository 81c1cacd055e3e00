package se.municipality.eops.portal.web;

import java.util.function.UnaryOperator;
import se.municipality.eops.portal.services.ServiceProblem;

/**
 * A service's refusal of a form, shown on the form: each field the service named next to its input when the form
 * has one ({@code inputOf} answers null when not), anything else in the error summary in the service's words. Only
 * "not found" and "not logged in" leave the form for the error pages.
 */
public final class Refusals {

    private Refusals() {}

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
                errors.rejectWithText(input, error.message());
            } else {
                errors.general(messageKeyOf(status), error.field() + ": " + error.message());
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
