/**
 * What every page shares over HTTP: every public URL ({@link dev.blogroll.web.SitePaths}), page
 * heads and validators, the filters (caching, the page cache, database outages, URL hygiene),
 * status pages and redirects. No domain SQL lives here.
 */
@NullMarked
package dev.blogroll.web;

import org.jspecify.annotations.NullMarked;
