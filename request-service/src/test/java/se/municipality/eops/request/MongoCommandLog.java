package se.municipality.eops.request;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonValue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The MongoDB commands the service sends while a test records them, with the thread that sent each (the
 * synchronous driver tells its listeners on the calling thread). Registered for every IT of this module by an
 * auto-configuration (test resources), so the ITs keep sharing one Spring context; nothing is kept while no
 * test records.
 */
public final class MongoCommandLog implements CommandListener {

    private static final Set<Recording> RECORDINGS = ConcurrentHashMap.newKeySet();

    /** A command as sent: its database, name, collection (when it names one), thread, and text. */
    public record Command(String database, String name, String collection, String thread, String json) {

        @Override
        public String toString() {
            return name + " " + database + "." + collection + " on " + thread;
        }
    }

    /** Commands sent from now until {@link Recording#close()}. */
    public static Recording record() {
        Recording recording = new Recording();
        RECORDINGS.add(recording);
        return recording;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (RECORDINGS.isEmpty()) {
            return;
        }
        BsonValue target = event.getCommand().get(event.getCommandName());
        Command command = new Command(
                event.getDatabaseName(),
                event.getCommandName(),
                target != null && target.isString() ? target.asString().getValue() : null,
                Thread.currentThread().getName(),
                event.getCommand().toJson());
        RECORDINGS.forEach(recording -> recording.commands.add(command));
    }

    public static final class Recording implements AutoCloseable {

        private final List<Command> commands = new CopyOnWriteArrayList<>();

        public List<Command> commands() {
            return List.copyOf(commands);
        }

        @Override
        public void close() {
            RECORDINGS.remove(this);
        }
    }

    @AutoConfiguration
    static class Registration {

        @Bean
        MongoClientSettingsBuilderCustomizer recordMongoCommands() {
            return settings -> settings.addCommandListener(new MongoCommandLog());
        }
    }
}
