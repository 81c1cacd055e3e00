package se.municipality.eops.publication.editors.domain;

import java.util.List;

/** The read model of editor grants. */
public interface EditorGrants {

    /** The grants (active or ended) a person holds for an e-service. */
    List<EditorGrant> of(String personId, String eServiceId);
}
