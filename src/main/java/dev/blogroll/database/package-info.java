/**
 * The embedded PostgreSQL that Blogroll starts when no external database is configured.
 */
@NullMarked
package dev.blogroll.database;

import org.jspecify.annotations.NullMarked;
