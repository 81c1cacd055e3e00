package se.municipality.eops.notification.preferences.domain;

import java.util.Optional;

/** The language each person wants their notifications in; Swedish for anyone who has not said. */
public interface LanguagePreferences {

    Optional<String> languageOf(String userId);

    void set(String userId, String language);
}
