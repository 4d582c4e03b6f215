/** Reading Connect's purchase-request objects into domain events. Internal to the adapter. */
package dev.connectx.adapters.connect.request;
