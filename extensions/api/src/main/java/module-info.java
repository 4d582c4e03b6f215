/**
 * The extension API of connectx: implement {@link dev.connectx.extension.EventHandler}, declare it with {@code provides
 * dev.connectx.extension.EventHandler with …} in your module, and put the jar in {@code CONNECTX_EXTENSIONS_DIR}.
 * connectx calls it for every event it has stored.
 */
module dev.connectx.extension {
    exports dev.connectx.extension;
}
