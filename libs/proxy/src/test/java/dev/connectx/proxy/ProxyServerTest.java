package dev.connectx.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyServerTest {

    @Test
    void a_full_proxy_url_gives_host_port_and_decoded_credentials() {
        ProxyServer proxy = ProxyServer.parse(" http://ops%40corp:p%3Ass+w@proxy.corp.example:3128/ ");

        assertEquals("proxy.corp.example", proxy.host());
        assertEquals(3128, proxy.port());
        assertEquals(Optional.of("ops@corp"), proxy.username());
        assertEquals(Optional.of("p:ss+w"), proxy.password());
    }

    @Test
    void a_bare_host_and_port_is_an_http_proxy_and_port_80_is_the_default() {
        assertEquals(8080, ProxyServer.parse("proxy:8080").port());
        assertEquals(80, ProxyServer.parse("http://proxy").port());
        assertEquals(Optional.empty(), ProxyServer.parse("proxy:8080").username());
    }

    @Test
    void an_ipv6_proxy_keeps_its_address_without_brackets() {
        ProxyServer proxy = ProxyServer.parse("http://[::1]:3128");

        assertEquals("::1", proxy.host());
        assertEquals("http://[::1]:3128", proxy.display());
    }

    @Test
    void the_password_is_never_displayed() {
        ProxyServer proxy = ProxyServer.parse("http://ops:hunter2@proxy:3128");

        assertEquals("http://ops:****@proxy:3128", proxy.display());
        assertFalse(proxy.toString().contains("hunter2"));
    }

    @Test
    void other_schemes_and_malformed_values_are_refused_without_quoting_them() {
        for (String value : new String[] {
            "https://u:hunter2@proxy:3128",
            "socks5://u:hunter2@proxy:1080",
            "http://u:hunter2@proxy:3128/path",
            "http://u:hunter2@:3128",
            "http://u:hunter2@pro xy"
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyServer.parse(value));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProxyServer.parse("https://proxy:3128"))
                .getMessage()
                .contains("only http:// proxies"));
    }
}
