/** Logging set-up that keeps connectx's last words: the log stays open until connectx has stopped. */
package dev.connectx.bootstrap.logging;
