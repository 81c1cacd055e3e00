package se.municipality.eops.request.readmodel.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.request.readmodel.domain.ReadModel;
import se.municipality.eops.request.readmodel.messaging.KafkaCatchUp;
import se.municipality.eops.request.readmodel.messaging.TopicCatchUp;

@RestController
class ReadModelController {

    private final KafkaCatchUp catchUp;

    ReadModelController(KafkaCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    /** @param caughtUp false while the replica is still reading what the topic held when it started */
    record ReadModelStatus(String name, String topic, String consumerGroup, boolean caughtUp) {}

    @GetMapping("/api/read-models")
    @Operation(
            summary = "Whether the read models have caught up",
            description = "While one has not, filing a request whose answers at once depend on it answers 503 with"
                    + " Retry-After, and a draft's step lists it in checksPending.")
    List<ReadModelStatus> status() {
        return Arrays.stream(ReadModel.values())
                .map(model -> {
                    TopicCatchUp topic = catchUp.of(model);
                    return new ReadModelStatus(model.label(), topic.topic(), topic.group(), catchUp.caughtUp(model));
                })
                .toList();
    }
}
