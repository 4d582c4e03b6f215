package dev.connectx.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hosts of {@code NO_PROXY}, reached directly, as curl reads them: a comma-separated list of names, each matching
 * itself and every name under it ({@code example.com} and {@code .example.com} both match {@code a.example.com}), an
 * IP address matching itself, an optional {@code :port} narrowing an entry to one port, and {@code *} alone matching
 * everything. Names compare without case.
 */
final class NoProxy {

    static final NoProxy NONE = new NoProxy(List.of(), false);

    private record Entry(String host, int port) {}

    private final List<Entry> entries;
    private final boolean everything;

    private NoProxy(List<Entry> entries, boolean everything) {
        this.entries = entries;
        this.everything = everything;
    }

    static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<String> items = Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
        if (items.contains("*")) {
            return new NoProxy(List.of(), true);
        }
        return new NoProxy(items.stream().map(NoProxy::entry).toList(), false);
    }

    private static Entry entry(String item) {
        String host = item.toLowerCase(Locale.ROOT);
        int port = -1;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close > 0 && host.length() > close + 1 && host.charAt(close + 1) == ':') {
                port = portOf(host.substring(close + 2));
            }
            host = close > 0 ? host.substring(1, close) : host;
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            port = portOf(host.substring(host.indexOf(':') + 1));
            host = host.substring(0, host.indexOf(':'));
        }
        while (host.startsWith("*.") || host.startsWith(".")) {
            host = host.substring(host.charAt(0) == '*' ? 2 : 1);
        }
        return new Entry(host, port);
    }

    private static int portOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has an entry with a port that is not a number");
        }
    }

    /** Whether {@code host} (as in a URL, IPv6 without brackets) on {@code port} is reached directly. */
    boolean matches(String host, int port) {
        if (everything) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        for (Entry entry : entries) {
            boolean hostMatches = name.equals(entry.host()) || name.endsWith("." + entry.host());
            if (hostMatches && (entry.port() < 0 || entry.port() == port)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return !everything && entries.isEmpty();
    }

    @Override
    public String toString() {
        return everything
                ? "*"
                : String.join(
                        ",",
                        entries.stream()
                                .map(e -> e.host() + (e.port() < 0 ? "" : ":" + e.port()))
                                .toList());
    }
}
