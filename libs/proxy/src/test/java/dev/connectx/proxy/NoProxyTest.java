package dev.connectx.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoProxyTest {

    @Test
    void a_name_matches_itself_and_the_names_under_it_whatever_its_prefix_and_case() {
        for (String entry : new String[] {"example.com", ".example.com", "*.example.com", "EXAMPLE.com"}) {
            NoProxy noProxy = NoProxy.parse("other.org, " + entry);
            assertTrue(noProxy.matches("example.com", 443), entry);
            assertTrue(noProxy.matches("api.Example.com", 443), entry);
            assertFalse(noProxy.matches("badexample.com", 443), entry);
            assertFalse(noProxy.matches("example.com.evil", 443), entry);
        }
    }

    @Test
    void addresses_match_exactly_and_a_port_narrows_an_entry() {
        NoProxy noProxy = NoProxy.parse("127.0.0.1,[::1]:9000,mongo:8443");

        assertTrue(noProxy.matches("127.0.0.1", 1234));
        assertFalse(noProxy.matches("127.0.0.10", 1234));
        assertTrue(noProxy.matches("[::1]", 9000));
        assertFalse(noProxy.matches("::1", 9001));
        assertTrue(noProxy.matches("mongo", 8443));
        assertFalse(noProxy.matches("mongo", 443));
    }

    @Test
    void a_star_alone_matches_everything_and_an_empty_list_nothing() {
        assertTrue(NoProxy.parse("a.b, *").matches("anything", 1));
        assertFalse(NoProxy.parse(" , ").matches("anything", 1));
        assertTrue(NoProxy.parse("").isEmpty());
    }

    @Test
    void a_port_that_is_not_a_number_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> NoProxy.parse("host:https"));
    }
}
