package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory backend, with writes one at a time (see {@link WriteCommands}). */
final class SerializedWritesMemoryBackend extends MemoryBackend {

    private final WriteCommands writes = new WriteCommands();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return writes.handle(command, () -> super.handleCommand(channel, databaseName, command, query), () -> {});
    }
}
