package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntakeSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBodyAsksForAnEServiceOfItsOwnSoNoneIsRefusedAsASecondOpenRequest() throws Exception {
        Set<String> eServiceIds = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            JsonNode body = JSON.readTree(IntakeSimulation.nextBody());
            String type = body.get("type").asText();
            types.add(type);
            eServiceIds.add(body.get(type.toLowerCase()).get("eServiceId").asText());
        }
        assertThat(eServiceIds).hasSize(300).allMatch(id -> id.matches("[A-Za-z0-9._:-]{1,64}"));
        assertThat(types).containsExactlyInAnyOrder("PURGE", "PUBLICATION");
        assertThat(IntStream.range(0, IntakeSimulation.REQUEST_TEMPLATES.size()))
                .allMatch(i -> IntakeSimulation.REQUEST_TEMPLATES.get(i).contains("\"eServiceId\":\"%s\""));
    }
}
