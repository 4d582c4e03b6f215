package dev.connectx.adapters.connect.runtime;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How many tasks run at once, and how many may wait for a turn. A task from Connect takes a place first (the worker
 * that reads frames waits for one when all are taken, so that Connect's further frames wait in the socket), then a
 * turn to run; its time limit counts from its turn. Bounded both ways, a burst of thousands of tasks costs the same
 * memory and threads as a steady stream.
 */
final class TaskTurns {

    /** Tasks that may wait for a turn, per task that may run. */
    static final int WAITING_PER_TURN = 16;

    private final Semaphore places;
    private final Semaphore turns;

    TaskTurns(int maxRunning) {
        this.places = new Semaphore(maxRunning * (WAITING_PER_TURN + 1));
        this.turns = new Semaphore(maxRunning, true);
    }

    /**
     * Takes a place for a task, waiting while none is free; gives up (false) once {@code stopping} says so.
     */
    boolean takePlace(BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            if (places.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Waits for a turn to run; false when {@code stopping} says so first. The place is kept either way. */
    boolean takeTurn(BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            if (turns.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    void releaseTurn() {
        turns.release();
    }

    void releasePlace() {
        places.release();
    }
}
