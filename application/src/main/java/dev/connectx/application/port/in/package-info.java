/** Driving ports: what the outside world (Connect, a local client) asks connectx to do. */
package dev.connectx.application.port.in;
