package se.municipality.eops.request.readmodel.domain;

import java.util.Map;

/**
 * An answer given at once: what was found that makes the request pointless or impossible as asked.
 *
 * @param kind what was found
 * @param field the JSON path of the field the answer is about
 * @param message the answer in words, naming what was found
 * @param found the facts found (ids, names, statuses), for a front end
 */
public record Finding(Kind kind, String field, String message, Map<String, String> found) {

    public enum Kind {
        /** The request refers to an e-service the catalogue does not hold (422). */
        ESERVICE_NOT_IN_CATALOGUE(false),
        /** The person already is a case handler of the e-service, directly or through a group (409). */
        ALREADY_CASE_HANDLER(true),
        /** The person already is administrator, or awaits training to become one (409). */
        ALREADY_ADMINISTRATOR(true),
        /** The same thing is asked for by a request still open (409). */
        OPEN_REQUEST_EXISTS(true);

        private final boolean conflict;

        Kind(boolean conflict) {
            this.conflict = conflict;
        }

        /** True: clashes with what exists (409); false: refers to something that does not exist (422). */
        public boolean conflict() {
            return conflict;
        }
    }
}
