#!/usr/bin/env bash
# One command for a local run: Kafka, a MongoDB-wire server and the four services, on embedded defaults.
# Builds first when a jar is missing or with --build. Ctrl-C stops everything. Settings: see LocalSystem.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/use-jdk.sh

jars=(
  local-runtime/target/local-runtime.jar
  alert-ingest-service/target/alert-ingest-service.jar
  incident-service/target/incident-service.jar
  notification-service/target/notification-service.jar
  postmortem-service/target/postmortem-service.jar
  web-console/target/web-console.jar
)
build=false
[ "${1:-}" = "--build" ] && build=true
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || build=true
done
if [ "$build" = true ]; then
  echo "Building (./mvnw -q -B -DskipTests install)..."
  ./mvnw -q -B -DskipTests install
fi

jdk_version=$(jdk_major_version "$JAVA_HOME")
# The launcher runs the broker and the database: C1 and a serial collector start them with the least CPU, which the
# services starting beside it need.
launcher_options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# JDK 23+ warns when Kafka unmaps its index files through sun.misc.Unsafe, which is expected here.
if [ "$jdk_version" -ge 23 ]; then
  launcher_options+=(--sun-misc-unsafe-memory-access=allow)
fi
# The launcher's own AOT cache (JDK 25+), trained once per build like the services' archives: again whenever the jar
# is newer than it. A cache the JVM cannot use, it reports as an error and the launcher starts without it.
launcher_jar=local-runtime/target/local-runtime.jar
launcher_cache=local-runtime/target/local-runtime.aot
if [ "$jdk_version" -ge 25 ] && [ "${SERVICE_STARTUP_ARCHIVE:-aot}" = aot ]; then
  if [ ! -f "$launcher_cache" ] || [ "$launcher_cache" -ot "$launcher_jar" ]; then
    echo "Training the launcher's AOT cache (once per build; log in local-runtime/target/launcher-training.log)"
    rm -f "$launcher_cache"
    "$JAVA_HOME/bin/java" "${launcher_options[@]}" -XX:AOTCacheOutput="$launcher_cache" -cp "$launcher_jar" \
        io.oncallhq.localruntime.LauncherTraining > local-runtime/target/launcher-training.log 2>&1 \
      || { echo "The launcher starts without its AOT cache: its training run failed"; rm -f "$launcher_cache"; }
  fi
  if [ -f "$launcher_cache" ]; then
    # JDK 25 warns on every start about two call adapters it cannot take from a cache and makes anew: noise here.
    launcher_options+=(-XX:AOTCache="$launcher_cache" -Xlog:aot*=error)
  fi
fi
exec "$JAVA_HOME/bin/java" "${launcher_options[@]}" -jar "$launcher_jar"
