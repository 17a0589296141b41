package dev.blogroll.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.database.Writes;
import dev.blogroll.text.Slugs;

/**
 * What the post table does to the posts ticked in it, all in one transaction: publish,
 * unpublish, move to a category, add a tag, trash. Each change bumps the post's version (an
 * editor who has the post open gets the conflict page, not a silent revert) and says who and
 * when, and keeps a revision of each post changed, in the same transaction ({@link Revisions});
 * each returns what undoes it exactly: the posts it changed, and what each had before
 * (serializable: it goes to the next page in the session, as a flash attribute).
 */
@Component
class PostBulk {

	/** At most this many posts at once (the table shows 25 a page). */
	static final int MAX_POSTS = 100;

	private final JdbcClient jdbc;

	private final PostEditor editor;

	private final Writes writes;

	private final Clock clock;

	private final Revisions revisions;

	PostBulk(JdbcClient jdbc, PostEditor editor, Writes writes, Clock clock, Revisions revisions) {
		this.jdbc = jdbc;
		this.editor = editor;
		this.writes = writes;
		this.clock = clock;
		this.revisions = revisions;
	}

	/** Keeps a revision of each post changed ("id:before"), inside the transaction that changed them. */
	private List<String> keepRevisions(List<String> changes, String username, Revisions.Kind kind, String note) {
		for (String change : changes) {
			Post post = this.editor.find(Long.parseLong(change.split(":", 2)[0]));
			this.revisions.keep(post, username, this.clock.instant(), kind, note);
		}
		return changes;
	}

	/**
	 * What a bulk action changed: the posts and the value each had before ({@code status},
	 * {@code category_id}, or the tag's id for a tag added).
	 *
	 * @param action what was done
	 * @param changes "id:before" for each post changed
	 */
	record Done(String action, List<String> changes) implements java.io.Serializable {

		int count() {
			return this.changes.size();
		}

	}

	/** Sets the status of the posts whose status is {@code from} (drafts for publish, published for unpublish). */
	Done setStatus(List<Long> ids, String from, String to, String username) {
		boolean publish = to.equals("PUBLISHED");
		return this.writes.inTransaction(() -> new Done(publish ? "publish" : "unpublish", keepRevisions(
				this.jdbc.sql("""
						update post set status = :to, version = version + 1, updated_at = :now, updated_by = :by
						where id in (:ids) and status = :from returning id || ':' || :from""")
					.param("to", to).param("from", from).param("ids", ids)
					.param("now", Timestamp.from(this.clock.instant())).param("by", username)
					.query(String.class).list(),
				username, publish ? Revisions.Kind.PUBLISH : Revisions.Kind.UNPUBLISH, "")));
	}

	/** Moves the posts to the category; remembers each one's category before. */
	Done move(List<Long> ids, long categoryId, String username) {
		return this.writes.inTransaction(() -> new Done("move", keepRevisions(this.jdbc.sql("""
				with before as (select id, category_id from post where id in (:ids) and category_id <> :category for update)
				update post p set category_id = :category, version = p.version + 1, updated_at = :now, updated_by = :by
				from before where p.id = before.id returning p.id || ':' || before.category_id""")
			.param("ids", ids).param("category", categoryId)
			.param("now", Timestamp.from(this.clock.instant())).param("by", username)
			.query(String.class).list(), username, Revisions.Kind.MOVE, categoryName(categoryId))));
	}

	/** Adds the tag (created if new) to the posts that lack it. */
	Done tag(List<Long> ids, String name, String username) {
		long tag = PostNames.id(this.jdbc, PostNames.Table.TAG, Slugs.slugify(name), name);
		return this.writes.inTransaction(() -> {
			List<String> added = this.jdbc.sql("""
					insert into post_tag (post_id, tag_id) select id, :tag from post where id in (:ids)
					on conflict do nothing returning post_id || ':' || tag_id""")
				.param("tag", tag).param("ids", ids).query(String.class).list();
			touch(added, username);
			return new Done("tag", keepRevisions(added, username, Revisions.Kind.TAG, name.strip()));
		});
	}

	/** Moves the posts to the trash, each as {@link PostEditor#trash} does. */
	Done trash(List<Long> ids, String username) {
		List<String> trashed = new ArrayList<>();
		for (long id : ids) {
			Post post = this.editor.find(id);
			if (!post.isTrashed()) {
				this.editor.trash(id, username);
				trashed.add(id + ":" + post.getStatus());
			}
		}
		return new Done("trash", trashed);
	}

	/** Undoes a bulk action from what it returned; returns how many posts it changed back. */
	int undo(String action, List<String> changes, String username) {
		int undone = 0;
		if (action.equals("trash")) {
			for (String change : changes) {
				this.editor.restore(Long.parseLong(change.split(":", 2)[0]), username);
				undone++;
			}
			return undone;
		}
		for (String change : changes) {
			String[] parts = change.split(":", 2);
			long id = Long.parseLong(parts[0]);
			String before = parts[1];
			undone += this.writes.inTransaction(() -> keptUndo(id, username, action, switch (action) {
				case "publish", "unpublish" -> this.jdbc.sql("""
						update post set status = :before, version = version + 1, updated_at = :now, updated_by = :by
						where id = :id and status <> 'TRASHED'""")
					.param("before", before.equals("PUBLISHED") ? "PUBLISHED" : "DRAFT").param("id", id)
					.param("now", Timestamp.from(this.clock.instant())).param("by", username).update();
				case "move" -> this.jdbc.sql("""
						update post set category_id = :before, version = version + 1, updated_at = :now, updated_by = :by
						where id = :id""")
					.param("before", Long.parseLong(before)).param("id", id)
					.param("now", Timestamp.from(this.clock.instant())).param("by", username).update();
				case "tag" -> {
					int removed = this.jdbc.sql("delete from post_tag where post_id = :id and tag_id = :tag")
						.param("id", id).param("tag", Long.parseLong(before)).update();
					touch(List.of(id + ":"), username);
					yield removed;
				}
				default -> 0;
			}));
		}
		return undone;
	}

	/** {@code undone}, after keeping a revision of the post if the undo changed it. */
	private int keptUndo(long id, String username, String action, int undone) {
		if (undone > 0) {
			this.revisions.keep(this.editor.find(id), username, this.clock.instant(), Revisions.Kind.UNDO, action);
		}
		return undone;
	}

	private String categoryName(long categoryId) {
		return this.jdbc.sql("select name from category where id = :id").param("id", categoryId).query(String.class)
			.optional().orElse("category " + categoryId);
	}

	private void touch(List<String> changes, String username) {
		List<Long> ids = changes.stream().map((change) -> Long.parseLong(change.split(":", 2)[0])).toList();
		if (!ids.isEmpty()) {
			this.jdbc.sql("update post set version = version + 1, updated_at = :now, updated_by = :by where id in (:ids)")
				.param("now", Timestamp.from(this.clock.instant())).param("by", username).param("ids", ids).update();
		}
	}

}
