package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Where the browser is missing the browser tests skip with the reason, and fail instead when CI requires them. */
class BrowserExtensionTest {

    @Test
    void runsWhenChromiumAndChromedriverAreThere() {
        assertThat(BrowserExtension.decide(Optional.empty(), true).isDisabled()).isFalse();
        assertThat(BrowserExtension.decide(Optional.empty(), false).isDisabled())
                .isFalse();
    }

    @Test
    void skipsWithTheReasonWhenTheBrowserIsMissingAndNotRequired() {
        ConditionEvaluationResult result = BrowserExtension.decide(Optional.of("no chromedriver"), false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("Browser tests skipped", "no chromedriver", "EOPS_REQUIRE_BROWSER=true"));
    }

    @Test
    void failsInsteadOfSkippingWhenTheBrowserIsRequired() {
        assertThatThrownBy(() -> BrowserExtension.decide(Optional.of("no chromedriver"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EOPS_REQUIRE_BROWSER=true")
                .hasMessageContaining("no chromedriver");
    }

    @Test
    void acceptsTheLanguageFirstThenItsPlainForm() {
        assertThat(Chromium.acceptLanguage(Locale.forLanguageTag("sv-SE"))).isEqualTo("sv-SE,sv");
        assertThat(Chromium.acceptLanguage(Locale.ENGLISH)).isEqualTo("en");
    }
}
