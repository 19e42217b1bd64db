/**
 * The executable jar's first class: {@link io.dbtcatalog.ingest.launch.FastStart} is the fat jar's
 * {@code Main-Class}, copied by the build to the jar's root so that the JVM loads it without Spring Boot's
 * nested-jar launcher. It decides, with JDK classes only, whether a one-shot command re-executes on the build's
 * class-data-sharing archive ({@link io.dbtcatalog.ingest.launch.Relaunch}), and otherwise hands over to Spring
 * Boot's {@code JarLauncher}, which starts {@code cli.IngestCli}. Nothing here may use a class outside the JDK:
 * docs/decisions/0015-start-without-the-launcher.md says why.
 */
package io.dbtcatalog.ingest.launch;
