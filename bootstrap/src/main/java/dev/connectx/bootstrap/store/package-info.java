/**
 * The store connectx writes to, as the composition root assembles it: {@link
 * dev.connectx.bootstrap.store.SwappableSubscriptionEventStore}, a decorator of the driven port that lets Connect's
 * variables replace the store at run time (the core sees one plain store); the opener that builds a store from the
 * storage settings (and starts the embedded MongoDB when they name it); and the reconfiguration that applies
 * Connect's variables.
 */
package dev.connectx.bootstrap.store;
