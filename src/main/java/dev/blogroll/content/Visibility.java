package dev.blogroll.content;

/**
 * Which posts readers may see, as SQL: published and due. Drafts and trashed posts have a
 * status of their own, so "published" already excludes them; a published post dated after
 * now is scheduled and appears by itself when its time comes. Every statement that shows
 * posts to readers (listings, feeds, sitemaps, search, the post page's neighbours) and the
 * content version use these conditions, on a post aliased {@code p}, with the time bound as
 * {@code :now}; {@code Post#isVisibleAt} is the same rule in Java.
 */
public final class Visibility {

	/** The posts readers see now. */
	public static final String VISIBLE = "p.status = 'PUBLISHED' and p.published_at <= :now";

	/** Published posts dated after now: scheduled, they become visible when their time comes. */
	public static final String SCHEDULED = "p.status = 'PUBLISHED' and p.published_at > :now";

	private Visibility() {
	}

}
