package se.municipality.eops.permission.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource({
        "Öström, ostrom",
        "ÅKE Ängström, ake angstrom",
        "Søren Kærgaard, soren kaergaard",
        "Straße, strasse",
        "Łukasz, lukasz",
        "'  Anna ', anna"
    })
    void foldsCaseAndAccentsAway(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest
    @CsvSource({"ostrom", "OSTRÖM", "ström", "orjan.ostrom@kommun"})
    void aPersonIsFoundByAnyFragmentOfUserNameNameOrEmail(String fragment) {
        String text = SearchText.ofPerson("u-17", "Örjan Öström", "orjan.ostrom@kommun.example");

        assertThat(text).contains(SearchText.fold(fragment));
    }
}
