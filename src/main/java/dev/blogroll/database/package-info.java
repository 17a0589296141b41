/**
 * PostgreSQL itself: the embedded server Blogroll starts when no external database is
 * configured, and what its failures mean for a write ({@link dev.blogroll.database.Writes}:
 * retried after a deadlock, a unique violation named by its constraint).
 */
@NullMarked
package dev.blogroll.database;

import org.jspecify.annotations.NullMarked;
