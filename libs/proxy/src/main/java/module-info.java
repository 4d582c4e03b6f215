/**
 * HTTP proxies as curl and Python's requests read them from the environment: {@code HTTPS_PROXY} for https and wss
 * targets, {@code HTTP_PROXY} for http and ws ones, {@code NO_PROXY} for the hosts to reach directly. On the JDK alone;
 * the JDK's HTTP client takes {@link dev.connectx.proxy.ProxyRules#selector()} and
 * {@link dev.connectx.proxy.ProxyRules#authenticator()}, any other client {@link dev.connectx.proxy.ProxyRules#forUri}.
 */
module dev.connectx.proxy {
    exports dev.connectx.proxy;
}
