package se.municipality.eops.identity;

import java.util.Locale;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form, in Swedish unless English is asked for ({@code ?lang=en}, or the {@code lang} cookie the portal
 * keeps on localhost). The ids follow the portal's conventions ({@code main}, {@code error-summary}, {@code
 * username}, {@code password}, {@code lang-sv}/{@code lang-en}); labels are bound to the inputs, the error is
 * announced, no inline script or style. Spring Security handles the POST (CSRF-checked).
 */
@Controller
class LoginPage {

    private record Texts(
            String lang,
            String title,
            String heading,
            String username,
            String password,
            String submit,
            String error,
            String loggedOut,
            String hint) {}

    private static final Texts SWEDISH = new Texts(
            "sv",
            "Logga in – E-tjänstförvaltningen (lokal)",
            "Logga in",
            "Användarnamn",
            "Lösenord",
            "Logga in",
            "Fel användarnamn eller lösenord.",
            "Du är utloggad.",
            "Lokal inloggning för utveckling: demoanvändarna och lösenordet står i README.");
    private static final Texts ENGLISH = new Texts(
            "en",
            "Sign in – E-service operations (local)",
            "Sign in",
            "Username",
            "Password",
            "Sign in",
            "Wrong username or password.",
            "You are signed out.",
            "Local sign-in for development: the demo users and the password are in the README.");

    @GetMapping(value = "/login", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String login(
            @RequestParam(name = "lang", required = false) String lang,
            @CookieValue(name = "lang", required = false) String langCookie,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            CsrfToken csrf) {
        Texts texts = english(lang != null ? lang : langCookie) ? ENGLISH : SWEDISH;
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(texts.lang())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(texts.title()))
                .append("</title>\n<link rel=\"stylesheet\" href=\"/login.css\">\n</head>\n<body>\n")
                .append("<main id=\"main\">\n<h1>")
                .append(escape(texts.heading()))
                .append("</h1>\n");
        if (error != null) {
            html.append("<div id=\"error-summary\" class=\"error\" role=\"alert\" tabindex=\"-1\"><p>")
                    .append(escape(texts.error()))
                    .append("</p></div>\n");
        } else if (logout != null) {
            html.append("<p id=\"status\" role=\"status\">")
                    .append(escape(texts.loggedOut()))
                    .append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/login\">\n")
                .append(field("username", "text", "username", texts.username(), error != null))
                .append(field("password", "password", "current-password", texts.password(), error != null))
                .append("<input type=\"hidden\" name=\"")
                .append(escape(csrf.getParameterName()))
                .append("\" value=\"")
                .append(escape(csrf.getToken()))
                .append("\">\n<button type=\"submit\" id=\"sign-in\">")
                .append(escape(texts.submit()))
                .append("</button>\n</form>\n<p class=\"hint\">")
                .append(escape(texts.hint()))
                .append("</p>\n<p class=\"languages\">")
                .append("<a id=\"lang-sv\" href=\"/login?lang=sv\" lang=\"sv\" hreflang=\"sv\">Svenska</a> ")
                .append("<a id=\"lang-en\" href=\"/login?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")
                .append("</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String field(String id, String type, String autocomplete, String label, boolean invalid) {
        return "<div class=\"field\">\n<label for=\"" + id + "\">" + escape(label) + "</label>\n<input id=\"" + id
                + "\" name=\"" + id + "\" type=\"" + type + "\" autocomplete=\"" + autocomplete + "\" required"
                + (invalid ? " aria-invalid=\"true\" aria-describedby=\"error-summary\"" : "") + ">\n</div>\n";
    }

    static boolean english(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String escape(String text) {
        // Only the markup characters: the page is UTF-8, so å, ä and ö stay as they are.
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
