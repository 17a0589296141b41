# Builds and runs Blogroll; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY db db
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/blogroll.jar blogroll.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/blogroll.jar"]
