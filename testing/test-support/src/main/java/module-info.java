/** Fixtures and process helpers shared by the tests of every module and by the benchmark; never ships. */
module dev.connectx.testing.support {
    exports dev.connectx.testing.support;
}
