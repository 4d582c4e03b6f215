package dev.connectx.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyRulesTest {

    private final ProxyRules rules =
            ProxyRules.of("http://ops:hunter2@secure-proxy:3128", "plain-proxy:8080", "localhost,.internal.example");

    @Test
    void secure_targets_take_the_https_proxy_and_plain_ones_the_http_proxy() {
        assertEquals("secure-proxy", host(rules.forUri(URI.create("wss://api.cnct.info/public/v1/devops/ws"))));
        assertEquals("secure-proxy", host(rules.forUri(URI.create("https://api.cnct.info/public/v1/requests"))));
        assertEquals("plain-proxy", host(rules.forUri(URI.create("ws://api.cnct.info:8000/x"))));
        assertEquals("plain-proxy", host(rules.forUri(URI.create("http://data.example/action/find"))));
    }

    @Test
    void no_proxy_hosts_and_unset_proxies_go_directly() {
        assertEquals(Optional.empty(), rules.forUri(URI.create("https://localhost:8443/")));
        assertEquals(Optional.empty(), rules.forUri(URI.create("http://mongo.internal.example/action")));
        ProxyRules onlyHttps = ProxyRules.of("proxy:3128", null, " ");
        assertEquals(Optional.empty(), onlyHttps.forUri(URI.create("http://data.example/")));
        assertEquals(Optional.empty(), ProxyRules.NONE.forUri(URI.create("https://api.cnct.info/")));
        assertFalse(ProxyRules.NONE.any());
    }

    @Test
    void the_selector_gives_the_jdk_client_an_unresolved_proxy_address_or_none() {
        List<Proxy> proxied = rules.selector().select(URI.create("https://api.cnct.info/"));
        List<Proxy> direct = rules.selector().select(URI.create("https://localhost/"));

        assertEquals(
                InetSocketAddress.createUnresolved("secure-proxy", 3128),
                proxied.get(0).address());
        assertEquals(List.of(Proxy.NO_PROXY), direct);
    }

    @Test
    void credentials_go_to_the_proxy_that_asks_and_never_to_a_server() {
        Authenticator authenticator = rules.authenticator();

        PasswordAuthentication toProxy = authenticator.requestPasswordAuthenticationInstance(
                "secure-proxy", null, 3128, "http", "proxy", "basic", null, Authenticator.RequestorType.PROXY);
        PasswordAuthentication toServer = authenticator.requestPasswordAuthenticationInstance(
                "secure-proxy", null, 3128, "https", "api", "basic", null, Authenticator.RequestorType.SERVER);

        assertEquals("ops", toProxy.getUserName());
        assertEquals("hunter2", new String(toProxy.getPassword()));
        assertNull(toServer);
    }

    @Test
    void a_malformed_variable_is_named_and_its_value_is_not_quoted() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProxyRules.of(null, "ftp://u:hunter2@proxy", null));

        assertTrue(e.getMessage().startsWith("HTTP_PROXY "), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProxyRules.of(null, null, "a:b"))
                .getMessage()
                .startsWith("NO_PROXY "));
    }

    @Test
    void the_description_shows_every_rule_and_no_password() {
        assertEquals(
                "https via http://ops:****@secure-proxy:3128, http via http://plain-proxy:8080,"
                        + " not for localhost,internal.example",
                rules.describe());
        assertEquals("no proxy", ProxyRules.NONE.describe());
    }

    private static String host(Optional<ProxyServer> proxy) {
        return proxy.map(ProxyServer::host).orElse("direct");
    }
}
