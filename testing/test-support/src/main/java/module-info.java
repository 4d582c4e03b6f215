/** Fixtures and process helpers shared by the tests of every module and by the benchmark; never ships. */
module dev.connectx.testing.support {
    requires transitive java.logging;

    exports dev.connectx.testing.support;
}
