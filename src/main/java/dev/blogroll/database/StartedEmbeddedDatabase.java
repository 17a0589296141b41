package dev.blogroll.database;

/**
 * Present as a bean when Blogroll runs on the PostgreSQL it started itself, so that others
 * (the demo data) can tell without touching the embedded database's classes, which the
 * production jar leaves out.
 *
 * @param port the port it listens on, on 127.0.0.1
 */
public record StartedEmbeddedDatabase(int port) {
}
