package dev.connectx.bootstrap.architecture.violations.libs;

import dev.connectx.bootstrap.architecture.violations.adapters.mongo.driver.DriverInternals;

/** A shared library that hands out the driver adapter's code: the path a direct slice rule cannot see. */
public final class SharedHelper {

    private SharedHelper() {}

    public static String collectionName() {
        return DriverInternals.collectionName();
    }
}
