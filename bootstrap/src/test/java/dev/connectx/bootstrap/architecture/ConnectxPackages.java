package dev.connectx.bootstrap.architecture;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The packages the architecture rules name, in ArchUnit's notation ({@code ..} for "and below"). Every constant
 * here is checked to hold production classes ({@link RuleTargetsTest}), so a rule can never pass by aiming at an
 * empty or misspelt package.
 */
final class ConnectxPackages {

    static final String DOMAIN = "dev.connectx.domain..";
    static final String APPLICATION = "dev.connectx.application..";
    static final String PORT_IN = "dev.connectx.application.port.in..";
    static final String PORT_OUT = "dev.connectx.application.port.out..";
    static final String SERVICE = "dev.connectx.application.service..";

    static final String ADAPTERS = "dev.connectx.adapters..";
    static final String ADAPTERS_CONNECT = "dev.connectx.adapters.connect..";
    static final String ADAPTERS_WEB = "dev.connectx.adapters.web..";
    static final String MONGO_ADAPTERS = "dev.connectx.adapters.mongo..";
    static final String MONGO_DOCUMENT = "dev.connectx.adapters.mongo.document..";

    static final String CONNECT_RUNTIME = "dev.connectx.adapters.connect.runtime..";
    static final String CONNECT_LOCAL = "dev.connectx.adapters.connect.local..";
    static final String CONNECT_BACKFILL = "dev.connectx.adapters.connect.backfill..";
    static final String CONNECT_TRANSPORT = "dev.connectx.adapters.connect.transport..";
    static final String CONNECT_REST = "dev.connectx.adapters.connect.rest..";
    static final String CONNECT_ACCESS = "dev.connectx.adapters.connect.access..";
    static final String CONNECT_PROTOCOL = "dev.connectx.adapters.connect.protocol..";
    static final String CONNECT_REQUEST = "dev.connectx.adapters.connect.request..";

    static final String BOOTSTRAP = "dev.connectx.bootstrap..";
    static final String BOOTSTRAP_STORE = "dev.connectx.bootstrap.store..";

    /** libs/ */
    static final String COALESCER = "dev.connectx.coalescer..";

    static final String PROXY = "dev.connectx.proxy..";
    static final String LOG_CONTEXT = "dev.connectx.logcontext..";

    static final String GROUP_COMMIT = "dev.connectx.mongo.groupcommit..";

    /** servers/ */
    static final String EMBEDDED_MONGO = "dev.connectx.embedded.mongo..";

    static final String DATA_API_SERVER = "dev.connectx.dataapi..";

    static final String[] FRAMEWORKS = {
        "io.helidon..",
        "com.fasterxml..",
        "org.bson..",
        "com.mongodb..",
        "reactor..",
        "org.reactivestreams..",
        "io.netty..",
        "de.bwaldvogel..",
        "org.slf4j..",
        "io.micrometer.."
    };

    private ConnectxPackages() {}

    /** Every package constant above, read from this class so that a new one is guarded without a second edit. */
    static List<String> all() {
        List<String> packages = new ArrayList<>();
        for (Field field : ConnectxPackages.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    packages.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return packages;
    }
}
