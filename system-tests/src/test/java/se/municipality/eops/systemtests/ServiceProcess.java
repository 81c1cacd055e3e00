package se.municipality.eops.systemtests;

import java.nio.file.Path;
import java.util.Map;

/** One replica of a service: its jar as a process of its own, with run.sh's JVM options and environment. */
public final class ServiceProcess extends BootProcess {

    private final Service service;

    ServiceProcess(Service service, String name, Path jar, int port, Map<String, String> environment, Path log) {
        super(name, jar, port, environment, log);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
