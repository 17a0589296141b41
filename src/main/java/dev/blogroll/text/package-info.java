/**
 * Text rules shared by the whole site: slugs, excerpts, and Markdown rendered to safe HTML, its code coloured.
 */
@NullMarked
package dev.blogroll.text;

import org.jspecify.annotations.NullMarked;
