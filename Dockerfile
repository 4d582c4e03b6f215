# syntax=docker/dockerfile:1
# connectx in a container: built with the Maven wrapper, run on a JRE with the module-path launcher.
#   docker build -t connectx .
#   docker run --env-file .env -p 127.0.0.1:8080:8080 -v connectx-data:/data connectx
# Or: docker compose up (see docker-compose.yml).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The tests ran in CI; here only the distribution is built (bootstrap/target/connectx: bin/ and lib/).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests -DskipITs -P!aot-cache package \
 && rm -f bootstrap/target/connectx/lib/connectx.aot bootstrap/target/connectx/lib/connectx.aot.jvm

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 connectx \
 && useradd --system --uid 10001 --gid connectx --home-dir /opt/connectx --shell /usr/sbin/nologin connectx \
 && mkdir /data && chown connectx:connectx /data
COPY --from=build --chown=root:root /src/bootstrap/target/connectx /opt/connectx
# The ahead-of-time cache, trained here on the JRE it runs with (a cache belongs to the JVM that made it; the
# launcher uses it only on that one): the build's training run, loopback only, a throw-away data directory, 3000
# tasks from a stand-in for Connect per storage adapter. About 40 s of the image's build; a start of about 1 s.
RUN cd /tmp && java -XX:AOTCacheOutput=/opt/connectx/lib/connectx.aot -Xlog:aot*=error -XX:+UseSerialGC \
      --module-path=/opt/connectx/lib --add-modules=ALL-MODULE-PATH \
      -Djava.util.logging.manager=dev.connectx.bootstrap.logging.ShutdownAwareLogManager \
      -m dev.connectx.bootstrap/dev.connectx.bootstrap.Main --aot-training /opt/connectx/lib/connectx.aot.jvm \
 && rm -rf /tmp/connectx-aot-training*
# In a container the HTTP server must listen beyond loopback to be published; that is this explicit setting, and
# with it connectx refuses to start without CONNECTX_API_TOKEN (set it in .env or with -e).
# The embedded MongoDB (used when no MONGODB_URI/DB_HOST is set) stays on the container's loopback.
ENV CONNECTX_HTTP_HOST=0.0.0.0 \
    CONNECTX_HTTP_PORT=8080 \
    CONNECTX_DATA_DIR=/data
USER connectx
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=10s --start-period=30s --retries=3 \
  CMD ["/opt/connectx/bin/connectx", "--check-health"]
ENTRYPOINT ["/opt/connectx/bin/connectx"]
