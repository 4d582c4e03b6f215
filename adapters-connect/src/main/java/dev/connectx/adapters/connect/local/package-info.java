/** Local delivery: a loopback HTTP endpoint that records a purchase request as Connect would deliver it. */
package dev.connectx.adapters.connect.local;
