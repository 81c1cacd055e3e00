package se.municipality.eops.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.contract.permission.PersonIds;

class PersonIdsTest {

    @Test
    void trimsAndLowerCasesSoOneUserNameIsOnePerson() {
        assertThat(PersonIds.normalize("  Anna.Andersson \t")).isEqualTo("anna.andersson");
        assertThat(PersonIds.normalize("ANNA")).isEqualTo(PersonIds.normalize("anna"));
    }

    @Test
    void composesDecomposedLettersSoBothSpellingsOfÅsaAreOnePerson() {
        String decomposed = "A\u030asa"; // A + combining ring above, as some directories send it
        String composed = "\u00c5sa";

        assertThat(PersonIds.normalize(decomposed))
                .isEqualTo(PersonIds.normalize(composed))
                .isEqualTo("\u00e5sa");
    }

    @Test
    void lowerCasesTheSameOnEveryMachineWhateverItsLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(PersonIds.normalize("INGRID")).isEqualTo("ingrid");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesWhatIsNoUserName(String userName) {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonIds.normalize(userName));
    }
}
