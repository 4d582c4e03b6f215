/** The use cases' implementations, one service per use case, wired by hand in bootstrap. */
package dev.connectx.application.service;
