#!/usr/bin/env bash
# Runs a benchmark against the real system on loopback and prints its figures.
#   bench/run.sh paging   # time from an alert's 202 to the Slack chat.postMessage (Slack stood in locally)
#   bench/run.sh storm    # 2,000 alerts on one service and a critical one elsewhere, at Slack's real pace: messages
#                         # to the responder, the critical page's delay, the alert->incident rate early and late
#   bench/run.sh ingest   # alerts/s and latency of alert-ingest, a bare Netty server and Alertmanager, every 202 checked durable
#   bench/run.sh correlation  # alert->incident rate of incident-service, empty and with 50,000 incidents stored
#   bench/run.sh big-incident # alerts attached per second to an incident holding 100, 1,000, 10,000 and 100,000 alerts
#   bench/run.sh console-incidents # the web console's incidents page (and its htmx rows) with 10,000 incidents stored,
#                         # signed in through its form
#   bench/run.sh startup  # time to the banner and to healthy, resident memory idle and after the storm, for no
#                         # start-up archive, a CDS archive and an AOT cache
# Settings through the environment: see the class of each benchmark. Builds first when a jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-jdk.sh
if [ ! -f bench/target/bench.jar ] || [ "${BENCH_BUILD:-false}" = true ]; then
  ./mvnw -q -B -DskipTests install
fi
# JDK 23+ warns when Kafka unmaps its index files through sun.misc.Unsafe, which is expected here.
unsafe_access=""
if [ "$(jdk_major_version "$JAVA_HOME")" -ge 23 ]; then
  unsafe_access="--sun-misc-unsafe-memory-access=allow"
fi
exec "$JAVA_HOME/bin/java" $unsafe_access -Xmx1g -jar bench/target/bench.jar "$@"
