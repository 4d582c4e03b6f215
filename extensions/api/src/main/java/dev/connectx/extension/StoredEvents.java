package dev.connectx.extension;

import java.util.List;

/** The events connectx has kept, oldest first (by the request's {@code updated}), at most {@value #LIMIT} at a time. */
public interface StoredEvents {

    int LIMIT = 500;

    /** The events of one request ({@code PR-…}, {@code TCR-…}): its statuses so far. */
    List<Event> ofRequest(String requestId);

    /** The events of one asset ({@code AS-…}) or tier configuration ({@code TC-…}): its requests so far. */
    List<Event> ofSubject(String subjectId);
}
