/**
 * The extension API: {@link dev.connectx.extension.EventHandler} (what you write), {@link
 * dev.connectx.extension.Event} (what it gets), {@link dev.connectx.extension.HandlerResult} (what it answers) and
 * {@link dev.connectx.extension.HandlerContext} (Connect, the stored events, a logger, its settings).
 */
package dev.connectx.extension;
