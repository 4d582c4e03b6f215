package dev.connectx.application.port.in;

/** What recording has done since start: for the status page. */
public interface ReadRecordingStateUseCase {

    RecordingState activity();
}
