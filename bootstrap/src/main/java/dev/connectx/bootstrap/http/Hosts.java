package dev.connectx.bootstrap.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names and addresses as connectx meets them: the address it binds, and the {@code Host} header of a request.
 *
 * <p>Why the header matters: a web page can point its own DNS name at 127.0.0.1 after loading (DNS rebinding) and then
 * read a loopback server as if it were its own origin. The browser still sends the page's name as {@code Host}, so a
 * server that answers only loopback names (and the names its operator lists) cannot be read that way.
 */
public final class Hosts {

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}; names of letters, digits, dots and dashes. */
    private static final Pattern HOST_HEADER = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?");

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private Hosts() {}

    /** Whether a {@code Host} header (or an entry of the allowed hosts) has the shape of one. */
    public static boolean isHostHeaderShaped(String value) {
        return HOST_HEADER.matcher(value).matches();
    }

    /**
     * Whether binding {@code host} listens on loopback only: {@code localhost}, a loopback address, or a name every
     * address of which is loopback. {@code 0.0.0.0}, {@code ::} and anything unresolvable are not.
     */
    public static boolean isLoopbackBindAddress(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether a {@code Host} header names this machine's loopback: {@code localhost}, an address of 127.0.0.0/8, or
     * {@code [::1]}, with any port (a container publishes its port under another one). No name is looked up. A page
     * that rebinds its own name to 127.0.0.1 still sends its own name, which is what this refuses.
     */
    static boolean isLoopbackHostHeader(String value) {
        Optional<HostAndPort> parsed = parse(value);
        if (parsed.isEmpty()) {
            return false;
        }
        String name = parsed.get().name();
        if (name.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(name).matches() || name.startsWith("[")) {
            try {
                // A literal address: no DNS query is made.
                return InetAddress.getByName(name.startsWith("[") ? name.substring(1, name.length() - 1) : name)
                        .isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether a {@code Host} header matches an allowed entry: {@code name} (any port) or {@code name:port}. */
    static boolean matchesAllowed(String value, String allowed) {
        Optional<HostAndPort> header = parse(value);
        Optional<HostAndPort> entry = parse(allowed);
        if (header.isEmpty()
                || entry.isEmpty()
                || !header.get().name().equals(entry.get().name())) {
            return false;
        }
        return entry.get().port().isEmpty()
                || entry.get().port().equals(header.get().port());
    }

    private static Optional<HostAndPort> parse(String value) {
        Matcher matcher = HOST_HEADER.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // "localhost." is localhost
        }
        Optional<Integer> port = Optional.ofNullable(matcher.group(2)).map(Integer::parseInt);
        return port.isPresent() && port.get() > 65535 ? Optional.empty() : Optional.of(new HostAndPort(name, port));
    }

    private record HostAndPort(String name, Optional<Integer> port) {}
}
