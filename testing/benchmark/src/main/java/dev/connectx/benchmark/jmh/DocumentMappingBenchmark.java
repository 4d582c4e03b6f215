package dev.connectx.benchmark.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.adapters.connect.request.RequestReader;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import dev.connectx.domain.EventType;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.RawBsonDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A purchase request (the benchmark's 1.5 KB one) into an event, and the event into the BSON document stored. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DocumentMappingBenchmark {

    private final RequestReader reader = new RequestReader(new ObjectMapper(), Clock.systemUTC());
    private final EventType type = EventType.ASSET_PURCHASE_REQUEST_PROCESSING;
    private final Optional<TaskId> taskId = Optional.of(new TaskId("TQ-8071-2231-9974"));
    private String request;
    private SubscriptionEvent event;

    @Setup
    public void prepare() {
        request = dev.connectx.benchmark.Workload.request(1, 0);
        event = reader.read(type, request, taskId);
    }

    @Benchmark
    public SubscriptionEvent readRequest() {
        return reader.read(type, request, taskId);
    }

    @Benchmark
    public RawBsonDocument eventToDocument() {
        return SubscriptionEventDocuments.toDocument(event);
    }

    @Benchmark
    public RawBsonDocument requestToDocument() {
        return SubscriptionEventDocuments.toDocument(reader.read(type, request, taskId));
    }
}
