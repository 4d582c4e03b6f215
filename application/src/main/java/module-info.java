/**
 * The connectx application core: the use cases an extension offers and the ports it needs, free of any framework.
 */
module dev.connectx.application {
    requires transitive dev.connectx.domain;

    exports dev.connectx.application.port.in;
    exports dev.connectx.application.port.out;
    exports dev.connectx.application.service;
}
