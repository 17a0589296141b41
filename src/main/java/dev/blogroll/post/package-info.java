/**
 * Posts and the page that shows one of them.
 */
@NullMarked
package dev.blogroll.post;

import org.jspecify.annotations.NullMarked;
