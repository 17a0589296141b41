package dev.blogroll.web;

/**
 * A labelled link on a page: the navigation, breadcrumbs, tags.
 *
 * @param label what the reader sees
 * @param href where it leads, a path on this site
 */
public record Link(String label, String href) {
}
