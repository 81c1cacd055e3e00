package se.municipality.eops.purge.purging.domain;

import java.util.List;

/** The purge log: one entry per executed purge, written once. */
public interface PurgeLog {

    /** Writes the entry unless the purge has one already (a restart after the write). */
    void recordOnce(PurgeLogEntry entry);

    List<PurgeLogEntry> all();
}
