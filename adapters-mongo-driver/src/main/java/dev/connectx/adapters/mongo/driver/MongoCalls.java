package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A driver call awaited by the thread that needs its answer, within a time limit, its failure translated into the
 * store's terms ({@link MongoFailures}): the one place the store's calls block.
 */
final class MongoCalls {

    private MongoCalls() {}

    /** The publisher's first item (null when it completes empty). */
    static <T> T await(Publisher<T> publisher, Duration timeout) {
        return await(Mono.from(publisher).toFuture(), timeout);
    }

    static <T> T await(CompletableFuture<T> result, Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw MongoFailures.translate(e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new StoreUnavailableException("MongoDB did not answer within " + timeout.toMillis() + " ms");
        } catch (CancellationException e) {
            throw new StoreUnavailableException("the MongoDB call was cancelled");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for MongoDB");
        }
    }
}
