package se.municipality.eops.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.PermissionMother;
import tools.jackson.databind.node.ObjectNode;

/** The conditional rules of the permission schemas, one test each. */
class PermissionSchemasTest {

    private final EventSchemaValidator validator = EventSchemaValidator.load();

    @Test
    void rejectsAGrantForBothAPersonAndAGroup() {
        ObjectNode grant = ContractJson.tree(PermissionMother.handlerGroupGranted());
        grant.set("person", ContractJson.tree(PermissionMother.dina()));

        assertThat(validator.violations("PermissionGranted", grant.toString())).isNotEmpty();
    }

    @Test
    void rejectsAGrantForNeitherAPersonNorAGroup() {
        ObjectNode grant = ContractJson.tree(PermissionMother.timeBoundEditorGranted());
        grant.remove("person");

        assertThat(validator.violations("PermissionGranted", grant.toString())).isNotEmpty();
    }

    @Test
    void rejectsAGroupHoldingAnyRoleButCaseHandler() {
        ObjectNode revoked = ContractJson.tree(PermissionMother.handlerGroupExpired());
        revoked.put("role", "EDITOR");

        assertThat(validator.violations("PermissionExpired", revoked.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("role"));
    }

    @Test
    void rejectsAnEditorOrHandlerGrantWithoutItsEService() {
        ObjectNode editor = ContractJson.tree(PermissionMother.timeBoundEditorGranted());
        editor.remove("eServiceId");
        ObjectNode handlers = ContractJson.tree(PermissionMother.handlerGroupGranted());
        handlers.remove("eServiceId");

        assertThat(validator.violations("PermissionGranted", editor.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("eServiceId"));
        assertThat(validator.violations("PermissionGranted", handlers.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("eServiceId"));
    }

    @Test
    void acceptsAnAdministratorGrantWithoutAnEService() {
        ObjectNode administrator = ContractJson.tree(PermissionMother.administratorGrantedAfterTraining());
        administrator.remove("eServiceId");

        assertThat(validator.violations("PermissionGranted", administrator.toString()))
                .isEmpty();
    }

    @Test
    void rejectsAPersonWhoseEmailIsNoMailbox() {
        ObjectNode awaiting = ContractJson.tree(PermissionMother.administratorAwaitingTraining());
        ((ObjectNode) awaiting.get("person")).put("email", "åsa@kommun.se");

        assertThat(validator.violations("PermissionAwaitingTraining", awaiting.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("email"));
    }

    @Test
    void writesTheTrainingDayAsAnIsoDate() {
        ObjectNode training = ContractJson.tree(PermissionMother.trainingCompleted());

        assertThat(training.get("completedOn").asString()).isEqualTo("2026-11-26");
    }
}
