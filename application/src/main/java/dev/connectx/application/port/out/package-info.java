/** Driven ports: what connectx needs from the outside world (a place to keep events), and their failure modes. */
package dev.connectx.application.port.out;
