package se.municipality.eops.localstack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the local server's unique indexes in H2: keys compared as MongoDB orders values, in memory.
 *
 * <p>mongo-java-server stores an index's keys ({@link KeyValue}, not {@code Comparable}) with H2's generic object
 * type, which compares two such keys by Java-serializing both: every look-up and every insert serialized a dozen
 * keys on its way down the tree (about an eighth of the local server's CPU under the benchmark's mail load). Keys
 * are still written to and read from the file as before.
 */
final class KeyValueOrder extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int byValue = ValueComparator.asc().compare(left.get(i), right.get(i));
                if (byValue != 0) {
                    return byValue;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }
}
