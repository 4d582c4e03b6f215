package dev.connectx.bootstrap.architecture.violations.adapters.mongo.http;

import dev.connectx.bootstrap.architecture.violations.adapters.mongo.driver.DriverInternals;

/** Breaks the independence of the adapter modules directly. */
public final class HttpStoreUsingTheDriver {

    public String collection() {
        return DriverInternals.collectionName();
    }
}
