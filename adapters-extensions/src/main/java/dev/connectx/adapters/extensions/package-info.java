/**
 * Extension jars as event handlers: {@link dev.connectx.adapters.extensions.ExtensionLoader} makes their module
 * layer and checks its boundaries, and each handler it finds is wrapped as a {@code StoredEventHandler} that hands the
 * handler the extension API's view of the event and of connectx.
 */
package dev.connectx.adapters.extensions;
