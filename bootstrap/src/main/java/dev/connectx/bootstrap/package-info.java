/** Starting and stopping connectx: the app as a whole and its entry point. */
package dev.connectx.bootstrap;
