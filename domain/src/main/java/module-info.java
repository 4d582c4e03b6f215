/**
 * The connectx domain: subscription events that Connect reports to an extension.
 * It depends on nothing but {@code java.base}.
 */
module dev.connectx.domain {
    exports dev.connectx.domain;
}
