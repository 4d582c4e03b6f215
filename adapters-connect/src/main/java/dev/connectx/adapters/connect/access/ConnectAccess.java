package dev.connectx.adapters.connect.access;

import dev.connectx.proxy.ProxyRules;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;

/**
 * What every connection to Connect shares: the proxy rules and the key's status. The runtime and the backfill each
 * build their own client from it, so that neither waits for the other's connections.
 */
public final class ConnectAccess {

    private final ProxyRules proxies;
    private final ApiKeyStatus keyStatus;

    /**
     * @param apiKey the Connect token, only looked at for its form (see {@link ApiKeyStatus})
     * @param proxies the proxies to reach Connect through; {@link ProxyRules#NONE} for none
     */
    public ConnectAccess(String apiKey, ProxyRules proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
        this.keyStatus = new ApiKeyStatus(apiKey);
        proxies.allowBasicForTunnels();
    }

    public ApiKeyStatus keyStatus() {
        return keyStatus;
    }

    public ProxyRules proxies() {
        return proxies;
    }

    /**
     * A JDK client on virtual threads (its default executor is a cached pool, one platform thread per concurrent
     * call), through the proxies.
     */
    public HttpClient newClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (proxies.any()) {
            builder.proxy(proxies.selector()).authenticator(proxies.authenticator());
        }
        return builder.build();
    }
}
