package dev.connectx.bootstrap;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * {@code connectx --check-health}: asks a running connectx on this host for {@code /observe/health} and exits 0
 * when it answers 200, 1 otherwise. For container health checks, where images carry no curl.
 */
final class HealthProbe {

    private HealthProbe() {}

    /** The exit status: 0 healthy, 1 not. */
    static int check(String port) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/observe/health");
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.disconnect();
            System.out.println(uri + " answered " + status);
            return status == 200 ? 0 : 1;
        } catch (IOException e) {
            System.out.println(uri + " did not answer: " + e.getMessage());
            return 1;
        }
    }
}
