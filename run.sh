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

# JDK 23+ warns when Kafka unmaps its index files through sun.misc.Unsafe, which is expected here.
unsafe_access=""
if [ "$(jdk_major_version "$JAVA_HOME")" -ge 23 ]; then
  unsafe_access="--sun-misc-unsafe-memory-access=allow"
fi
exec "$JAVA_HOME/bin/java" $unsafe_access -jar local-runtime/target/local-runtime.jar
