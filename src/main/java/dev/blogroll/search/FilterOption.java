package dev.blogroll.search;

/**
 * A category or tag that search results can be narrowed to.
 *
 * @param id its id
 * @param slug its slug, the value of the {@code category} or {@code tag} parameter
 * @param name what the reader sees
 */
record FilterOption(long id, String slug, String name) {
}
