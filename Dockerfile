# One image recipe for the four services and the web console: docker compose passes SERVICE (the module folder).
FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl "${SERVICE},local-runtime" -am package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --destination /extracted \
 && mv "/extracted/${SERVICE}.jar" /extracted/app.jar

FROM eclipse-temurin:25-jre
# curl for the container healthcheck against /actuator/health.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 app
WORKDIR /app
# Layers from the least to the most often changed: the dependencies, the service's own classes, its AOT cache.
COPY --from=build /extracted/lib/ lib/
COPY --from=build /extracted/app.jar app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# The training run, by this image's JVM (an archive serves only the JVM that made it): the service starts against an
# embedded MongoDB-wire server (local-runtime, mounted for this step only) and exits once its context is refreshed.
RUN --mount=type=bind,from=build,source=/src/local-runtime/target,target=/training \
    java -cp /training/local-runtime.jar io.oncallhq.localruntime.ImageTraining /app/app.jar
USER app
# Should the cache not fit (another JVM, a changed jar), the JVM says so once and starts without it.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
