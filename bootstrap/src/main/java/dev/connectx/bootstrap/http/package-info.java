/**
 * connectx's HTTP server and what guards it: the {@code Host} rule, the API token, security headers, connection
 * limits and deadlines, and the watch that ends a process whose listener died.
 */
package dev.connectx.bootstrap.http;
