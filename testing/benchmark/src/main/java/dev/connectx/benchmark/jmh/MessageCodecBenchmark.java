package dev.connectx.benchmark.jmh;

import dev.connectx.adapters.connect.protocol.InboundMessage;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import dev.connectx.adapters.connect.protocol.TaskOutput;
import dev.connectx.adapters.connect.protocol.Verdict;
import java.util.concurrent.TimeUnit;
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

/** The WebSocket frames of every task: decoding Connect's task, encoding connectx's result. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessageCodecBenchmark {

    static final String TASK = """
            {"version":2,"message_type":"task","data":{"options":{"task_id":"TQ-8071-2231-9974","task_category":"background",\
            "correlation_id":"4f6e0c0d6b1e4e2a","reply_to":"tasks-reply","api_key":null,"installation_id":null,\
            "connect_correlation_id":null},"input":{"event_type":"asset_purchase_request_processing",\
            "object_id":"PR-5571-0393-2216-001","data":null},"output":null,"model_type":"task"}}""";

    private final MessageCodec codec = new MessageCodec();
    private InboundMessage.Task task;
    private final TaskOutput output = new TaskOutput(Verdict.SUCCESS, null, 0.012);

    @Setup
    public void decodeOnce() {
        task = (InboundMessage.Task) codec.decode(TASK);
    }

    @Benchmark
    public InboundMessage decodeTask() {
        return codec.decode(TASK);
    }

    @Benchmark
    public String encodeResult() {
        return codec.taskResult(task, output);
    }
}
