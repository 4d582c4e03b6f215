/**
 * Subscription events: what Connect says happened to a purchase request, and the values they are made of.
 * Every value validates itself at construction and names the offending field when it refuses one.
 */
package dev.connectx.domain;
