/**
 * What machines read: Atom and RSS feeds, the sitemaps and {@code robots.txt}.
 */
@NullMarked
package dev.blogroll.feed;

import org.jspecify.annotations.NullMarked;
