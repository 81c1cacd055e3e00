package se.municipality.eops.portal.web;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;

/**
 * A service's refusal of a form, shown on the form: each field the service named next to its input when the form
 * has one ({@code inputOf} answers null when not), anything else in the error summary; either in the person's
 * language when the service named the kind of error and the bundles know it, else in the service's words. Only
 * "not found" and "not logged in" leave the form for the error pages.
 */
public final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    /**
     * Sends a form with {@code call}: true when the service took it, false with its refusal in {@code errors}. A
     * form sent with a POST that the service did not answer (no answer in time, a server error) is false too, with
     * {@link #noAnswer} at the top; on a GET (a filter, a search) that is the "try again" page.
     */
    public static boolean accepted(Runnable call, FormErrors errors, UnaryOperator<String> inputOf) {
        try {
            call.run();
            return true;
        } catch (ServiceProblem problem) {
            show(problem, errors, inputOf);
            return false;
        } catch (ServiceUnavailable | ResourceAccessException down) {
            noAnswerToAPost(down, errors);
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
        } catch (ServiceUnavailable | ResourceAccessException down) {
            noAnswerToAPost(down, errors);
            return Optional.empty();
        }
    }

    /**
     * The service did not answer a form's POST: the form comes back with what was typed and, at the top, the honest
     * word: it did not answer in time, so what was sent may or may not have been done; check before sending again.
     */
    public static void noAnswer(RuntimeException down, FormErrors errors) {
        LOG.warn("A form was sent but the service did not answer: {}", down.getMessage());
        errors.general(NO_ANSWER, null);
    }

    /** The message key of {@link #noAnswer}. */
    public static final String NO_ANSWER = "form.noAnswer";

    private static void noAnswerToAPost(RuntimeException down, FormErrors errors) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)
                || "GET".equals(current.getRequest().getMethod())) {
            throw down;
        }
        noAnswer(down, errors);
    }

    /**
     * {@code read} for the page a form comes back to: after {@link #noAnswer}, null when the service still does not
     * answer (the page then leaves that part out; the form, the typed values and the message matter more); else as
     * any read, a service down being the "try again" page.
     */
    public static <T> T forPage(Supplier<T> read, FormErrors errors) {
        return errors.anyWithKey(NO_ANSWER) ? unlessDown(read) : read.get();
    }

    /** {@code read}, or null when the service does not answer. */
    public static <T> T unlessDown(Supplier<T> read) {
        try {
            return read.get();
        } catch (ServiceUnavailable | ResourceAccessException down) {
            LOG.warn("Left out of the page, the service does not answer: {}", down.getMessage());
            return null;
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
