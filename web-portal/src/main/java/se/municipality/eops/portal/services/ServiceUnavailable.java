package se.municipality.eops.portal.services;

/** A service did not answer, or answered with a server error: the person sees a page saying so, not a 500. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " does not answer", cause);
        this.service = service;
    }

    public ServiceUnavailable(String service, int status) {
        super(service + " answered " + status);
        this.service = service;
    }

    /** The service's name ({@code request}, {@code publication}, ...), for the message key. */
    public String service() {
        return service;
    }
}
