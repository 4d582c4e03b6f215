package dev.connectx.extension;

import java.util.Set;

/**
 * Your code on every event connectx keeps. connectx finds implementations as service providers of the modules in
 * {@code CONNECTX_EXTENSIONS_DIR} and calls each for every event of its {@link #eventTypes()} once the event is
 * stored, so a handler never sees an event that could still be lost.
 *
 * <p>What connectx guarantees:
 *
 * <ul>
 *   <li>At least once: a handler runs for every stored event, and again when Connect delivers it again; {@link
 *       HandlerContext#repeat()} says whether the event was stored by an earlier delivery. Make the handling
 *       idempotent (read the object's current state from Connect before changing it).
 *   <li>Handlers of one event run one after the other, by {@link #order()} then {@link #name()}; the first that does
 *       not answer {@link HandlerResult#done()} ends the event's handling, and its answer goes to Connect.
 *   <li>A handler that throws, or runs past {@code CONNECTX_HANDLER_TIMEOUT}, answers {@code retry}: Connect delivers
 *       the event again, and connectx does not store it a second time.
 *   <li>Calls run on their own threads, at most {@code CONNECTX_MAX_TASKS} at once, also counting calls left behind by
 *       a timeout: a slow handler holds at most that many, and other tasks are answered {@code retry} meanwhile.
 * </ul>
 *
 * <p>An implementation needs a public no-argument constructor (or a public static {@code provider()} method), and may
 * be called from several threads at once.
 */
public interface EventHandler {

    /**
     * The result for one stored event. Throwing is the same as {@link HandlerResult#retryLater(String)} with the
     * exception as the reason.
     */
    HandlerResult handle(Event event, HandlerContext context) throws Exception;

    /** Shown in logs, metrics and the status page; unique among the loaded handlers. The class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The event types this handler is called for, by Connect's names ({@code asset_purchase_request_processing}, …);
     * empty, the default, for every type.
     */
    default Set<String> eventTypes() {
        return Set.of();
    }

    /** Handlers of one event run lowest first; those of the same order by name. 0 by default. */
    default int order() {
        return 0;
    }

    /**
     * The prefix of this handler's settings ({@code APPROVE_} makes {@code settings().get("TEMPLATE_ID")} read {@code
     * APPROVE_TEMPLATE_ID}): upper case letters, digits and {@code _}, ending with {@code _}. Empty, the default, for
     * a handler without settings.
     */
    default String settingsPrefix() {
        return "";
    }
}
