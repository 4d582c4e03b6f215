/** A real Connect peer on loopback, for tests and local mode. */
package dev.connectx.simulator;
