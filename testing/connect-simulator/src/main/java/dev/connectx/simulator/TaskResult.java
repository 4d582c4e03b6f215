package dev.connectx.simulator;

/**
 * A task result a runner sent back.
 *
 * @param taskId the task
 * @param result {@code success}, {@code skip}, {@code retry}, {@code fail}, …
 * @param message the output message, or null
 * @param frame the whole frame as received
 */
public record TaskResult(String taskId, String result, String message, String frame) {}
