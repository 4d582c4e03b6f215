package dev.connectx.bootstrap.architecture.violations.adapters.mongo.driver;

/** Stands for the driver adapter's own code, which no other adapter may reach. */
public final class DriverInternals {

    private DriverInternals() {}

    public static String collectionName() {
        return "driver_data";
    }
}
