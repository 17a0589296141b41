package dev.blogroll.post;

/**
 * Whether readers may see a post. A published post with a future date stays hidden until
 * that date: it is scheduled. A trashed post answers 410 Gone until it is restored.
 */
public enum PostStatus {

	DRAFT, PUBLISHED, TRASHED

}
