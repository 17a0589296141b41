/**
 * Importing posts from NDJSON (one JSON post a line), used for the demo data and for bulk
 * imports: idempotent by slug, batched, with errors that name their line.
 */
@NullMarked
package dev.blogroll.importer;

import org.jspecify.annotations.NullMarked;
