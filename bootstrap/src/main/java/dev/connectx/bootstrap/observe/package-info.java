/** Health and metrics: what an operator sees at /observe. */
package dev.connectx.bootstrap.observe;
