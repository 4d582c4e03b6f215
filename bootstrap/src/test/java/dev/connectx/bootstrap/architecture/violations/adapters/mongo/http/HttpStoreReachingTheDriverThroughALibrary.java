package dev.connectx.bootstrap.architecture.violations.adapters.mongo.http;

import dev.connectx.bootstrap.architecture.violations.libs.SharedHelper;

/** Breaks the independence of the adapter modules without importing the other one. */
public final class HttpStoreReachingTheDriverThroughALibrary {

    public String collection() {
        return SharedHelper.collectionName();
    }
}
