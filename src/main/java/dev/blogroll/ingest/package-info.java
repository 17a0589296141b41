/**
 * Aggregation: feed sources, fetching their RSS and Atom feeds, and turning entries into posts.
 */
@NullMarked
package dev.blogroll.ingest;

import org.jspecify.annotations.NullMarked;
