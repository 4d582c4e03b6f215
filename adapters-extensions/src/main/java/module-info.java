/**
 * Outbound adapter: runs the event handlers of extension jars. The jars in {@code CONNECTX_EXTENSIONS_DIR} become a
 * module layer of their own, whose modules may read the extension API and the JDK only; their {@code
 * dev.connectx.extension.EventHandler} providers become the application's {@code StoredEventHandler}s.
 */
// The qualified export names the composition root, which is built after this module: javac notes it as missing.
@SuppressWarnings("module")
module dev.connectx.adapters.extensions {
    requires transitive dev.connectx.application;
    requires transitive dev.connectx.extension;
    requires dev.connectx.logcontext;
    requires transitive java.net.http;

    // Only the composition root: an extension reaches none of this, even through reflection on what it is handed.
    exports dev.connectx.adapters.extensions to
            dev.connectx.bootstrap;

    uses dev.connectx.extension.EventHandler;
}
