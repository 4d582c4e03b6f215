package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * The H2 file backend, committing after every write command before it is acknowledged.
 *
 * <p>Left alone, H2's MVStore commits in the background about once a second, so a process killed right after
 * acknowledging a write would lose it; connectx answers Connect {@code success} only for writes that survive a
 * {@code kill -9}. The commit reaches the operating system, not the disk platter: a power cut can still lose the
 * last writes, as with MongoDB's default journal interval.
 */
final class CommitEveryWriteH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "drop", "create", "dropdatabase");

    CommitEveryWriteH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            commit();
        }
        return response;
    }
}
