# warta: one image for every stage (ingest, enrich, sink, run, tail, ...); the command picks the stage.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
COPY schemas schemas
COPY common common
COPY ingest ingest
COPY enrich enrich
COPY sink sink
COPY app app
COPY tools tools
RUN mvn -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/warta warta && mkdir -p /var/lib/warta /inbox && chown warta /var/lib/warta /inbox
COPY --from=build /src/app/target/warta.jar /opt/warta/warta.jar
USER warta
WORKDIR /var/lib/warta
ENV JAVA_TOOL_OPTIONS="-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.warta,java.lang,java.util,java.math,org.apache.avro"
ENTRYPOINT ["java", "-jar", "/opt/warta/warta.jar"]
CMD ["--help"]
