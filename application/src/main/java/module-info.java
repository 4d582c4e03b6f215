/**
 * The connectx application core: the use cases an extension offers and the ports it needs, free of any framework.
 */
// The qualified export names the composition root, which is built after this module: javac notes it as missing.
@SuppressWarnings("module")
module dev.connectx.application {
    requires transitive dev.connectx.domain;

    exports dev.connectx.application.port.in;
    exports dev.connectx.application.port.out;
    // The services are wired by the composition root only; adapters see the ports.
    exports dev.connectx.application.service to
            dev.connectx.bootstrap;
}
