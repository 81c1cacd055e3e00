package se.municipality.eops.portal.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import se.municipality.eops.portal.PortalMvcTest;

class HandlerSearchTest extends PortalMvcTest {

    @Test
    void theHandlersOfAnEServiceAreListedWithHowTheyAreOne() throws Exception {
        SERVICES.answer("GET", "/api/e-services/es-1001/handlers", 200, """
                {"hits":[{"person":{"personId":"nils","name":"Nils Nord","email":"nils.nord@kommun.example"},
                          "direct":false,"groups":["Handläggare es-1001"]}],"page":0,"size":20,"total":21}""");

        mvc.perform(get("/handlers")
                        .param("eServiceId", "es-1001")
                        .param("q", "nord")
                        .with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<caption>Handläggare för es-1001</caption>")))
                .andExpect(content().string(containsString("<td>Nils Nord</td>")))
                .andExpect(content().string(containsString("Genom gruppen Handläggare es-1001")))
                .andExpect(content().string(containsString("page=1")));
        var calls = SERVICES.calls("GET", "/api/e-services/es-1001/handlers");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).query()).isEqualTo("q=nord&page=0&size=20");
    }

    @Test
    void anEmptyEServiceIdIsAnErrorNextToItsField() throws Exception {
        mvc.perform(get("/handlers").param("eServiceId", " ").with(as("nils", "CASE_HANDLER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"eServiceId-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"eServiceId-hint eServiceId-error\"")));
    }
}
