package dev.connectx.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the backfill of one {@code since} value stands: a position per request family that it lists. A backfill is
 * finished when every family it lists is.
 *
 * @param since the oldest {@code updated} the backfill lists
 * @param positions each listed family's position
 */
public record BackfillCheckpoint(Instant since, Map<RequestFamily, HistoryPosition> positions) {

    public BackfillCheckpoint {
        since = Values.storableInstant("since", since);
        EnumMap<RequestFamily, HistoryPosition> copy = new EnumMap<>(RequestFamily.class);
        copy.putAll(Objects.requireNonNull(positions, "positions"));
        positions = Collections.unmodifiableMap(copy);
    }

    /** A backfill that has listed nothing yet, of the given families. */
    public static BackfillCheckpoint start(Instant since, Set<RequestFamily> families) {
        Map<RequestFamily, HistoryPosition> positions = new EnumMap<>(RequestFamily.class);
        families.forEach(family -> positions.put(family, HistoryPosition.start(since)));
        return new BackfillCheckpoint(since, positions);
    }

    /** The position of a family, if this backfill lists it. */
    public Optional<HistoryPosition> position(RequestFamily family) {
        return Optional.ofNullable(positions.get(family));
    }

    /** This checkpoint with one family's position replaced (or added). */
    public BackfillCheckpoint with(RequestFamily family, HistoryPosition position) {
        Map<RequestFamily, HistoryPosition> next = new EnumMap<>(RequestFamily.class);
        next.putAll(positions);
        next.put(family, position);
        return new BackfillCheckpoint(since, next);
    }

    /** This checkpoint listing at least the given families: those it lacks start from {@code since}. */
    public BackfillCheckpoint covering(Set<RequestFamily> families) {
        BackfillCheckpoint covering = this;
        for (RequestFamily family : families) {
            if (!positions.containsKey(family)) {
                covering = covering.with(family, HistoryPosition.start(since));
            }
        }
        return covering;
    }

    public boolean finished() {
        return positions.values().stream().allMatch(HistoryPosition::finished);
    }

    /** The counts of every family, summed. */
    public BackfillCounts counts() {
        return positions.values().stream()
                .map(HistoryPosition::counts)
                .reduce(BackfillCounts.NONE, BackfillCounts::plus);
    }
}
