package dev.blogroll.post;

/**
 * Whether readers may see a post. A published post with a future date stays hidden until
 * that date: it is scheduled.
 */
public enum PostStatus {

	DRAFT, PUBLISHED

}
