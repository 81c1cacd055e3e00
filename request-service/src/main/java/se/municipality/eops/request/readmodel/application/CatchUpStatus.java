package se.municipality.eops.request.readmodel.application;

import se.municipality.eops.request.readmodel.domain.ReadModel;

/** Whether a read model has caught up with what its topic held when this replica started. */
public interface CatchUpStatus {

    boolean caughtUp(ReadModel model);
}
