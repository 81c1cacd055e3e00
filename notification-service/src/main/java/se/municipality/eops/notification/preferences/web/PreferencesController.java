package se.municipality.eops.notification.preferences.web;

import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

/** Lets people choose the language of their notifications; the central team may set it for others. */
@RestController
@RequestMapping("/api/preferences")
class PreferencesController {

    private static final Set<String> LANGUAGES = Set.of("sv", "en");

    private final LanguagePreferences preferences;

    PreferencesController(LanguagePreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/me")
    Preference mine() {
        return new Preference(preferences
                .languageOf(CurrentUser.fromSecurityContext().userId())
                .orElse("sv"));
    }

    @PutMapping("/me")
    Preference setMine(@RequestBody Preference preference) {
        return set(CurrentUser.fromSecurityContext().userId(), preference);
    }

    @PutMapping("/{userId}")
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    Preference setFor(@PathVariable String userId, @RequestBody Preference preference) {
        return set(userId, preference);
    }

    private Preference set(String userId, Preference preference) {
        if (preference == null || preference.language() == null || !LANGUAGES.contains(preference.language())) {
            throw new InvalidInputException(
                    "language", "must be sv or en", FieldErrorCodes.NOT_ONE_OF, Map.of("allowed", "sv, en"));
        }
        preferences.set(userId, preference.language());
        return preference;
    }

    record Preference(String language) {}
}
