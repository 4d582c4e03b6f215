/**
 * The Connect extension runtime, read top-down: {@link dev.connectx.adapters.connect.runtime.ConnectRuntime} starts
 * an {@code EventsWorker}, which runs one {@code ConnectSession} after another; each frame goes to the
 * {@code FrameHandler}, each task to the {@code TaskRunner} and its {@code BackgroundTaskProcessor}, each answer to
 * the {@code ResultSender}. See {@code docs/connect-protocol.md} §1, §2, §4.
 */
package dev.connectx.adapters.connect.runtime;
