package se.municipality.eops.permission;

import se.municipality.eops.testkit.ServiceBasicsContract;

class PermissionServiceBasicsIT extends ServiceBasicsContract {

    PermissionServiceBasicsIT() {
        super("permission-service", "eops-permission", "Permission service");
    }
}
