/** Configuration (environment over application.yaml) read once into typed settings; secrets never printed. */
package dev.connectx.bootstrap.config;
