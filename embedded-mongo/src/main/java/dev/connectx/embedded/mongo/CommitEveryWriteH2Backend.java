package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, committing after every write command before it is acknowledged, writes one at a time.
 *
 * <p>Left alone, H2's MVStore commits in the background about once a second, so a process killed right after
 * acknowledging a write would lose it; connectx answers Connect {@code success} only for writes that survive a
 * {@code kill -9}. The commit reaches the operating system, not the disk platter: a power cut can still lose the
 * last writes, as with MongoDB's default journal interval.
 */
final class CommitEveryWriteH2Backend extends H2Backend {

    private final WriteCommands writes = new WriteCommands();

    CommitEveryWriteH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.handle(command, () -> super.handleCommand(channel, databaseName, command, query), this::commit);
    }
}
