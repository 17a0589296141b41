package dev.blogroll.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.admin.KeptForms;

/**
 * What an editor typed into a post's form and has not saved yet, sent by the form's script
 * ({@code /js/post-form.js}) after a few seconds without typing: one per post and editor, in
 * PostgreSQL, so it survives a closed tab, a crash of the browser or another instance. It never
 * changes the post, publishes nothing and leaves the post's version alone (so it never causes
 * an edit conflict); a save of the post removes it. At most {@value #MAX_BYTES} bytes of fields.
 * <p>
 * The form of a post not yet created autosaves too, kept for the editor (one per editor), not as
 * a post: nothing is created, no slug taken, nothing public; creating the post removes it.
 */
@Component
class Autosaves {

	static final int MAX_BYTES = 1024 * 1024;

	private final JdbcClient jdbc;

	private final Clock clock;

	Autosaves(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps the fields as this editor's autosave of the post; returns when, or empty if too large. */
	Optional<Instant> save(long postId, String username, Map<String, String[]> fields) {
		Optional<KeptForms.Encoded> encoded = KeptForms.encode(fields, MAX_BYTES);
		if (encoded.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into post_autosave (post_id, username, fields, saved_at) values (:post, :username, :fields, :now)
				on conflict (post_id, username) do update set fields = excluded.fields, saved_at = excluded.saved_at""")
			.param("post", postId)
			.param("username", username)
			.param("fields", encoded.get().fields())
			.param("now", Timestamp.from(now))
			.update();
		return Optional.of(now);
	}

	/** This editor's autosave of the post, if it is newer than {@code lastSave}. */
	Optional<KeptForms.Kept> newerThan(long postId, String username, Instant lastSave) {
		return this.jdbc.sql("select fields, saved_at from post_autosave where post_id = :post and username = :username")
			.param("post", postId)
			.param("username", username)
			.query((rs, row) -> new KeptForms.Kept("/admin/posts/" + postId + "/edit",
					KeptForms.decode(rs.getString("fields")), rs.getTimestamp("saved_at").toInstant()))
			.optional()
			.filter((autosave) -> autosave.keptAt().isAfter(lastSave));
	}

	void discard(long postId, String username) {
		this.jdbc.sql("delete from post_autosave where post_id = :post and username = :username")
			.param("post", postId)
			.param("username", username)
			.update();
	}

	/** Keeps the fields as this editor's autosave of a post not yet created; returns when, or empty if too large. */
	Optional<Instant> saveNew(String username, Map<String, String[]> fields) {
		Optional<KeptForms.Encoded> encoded = KeptForms.encode(fields, MAX_BYTES);
		if (encoded.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into new_post_autosave (username, fields, saved_at) values (:username, :fields, :now)
				on conflict (username) do update set fields = excluded.fields, saved_at = excluded.saved_at""")
			.param("username", username)
			.param("fields", encoded.get().fields())
			.param("now", Timestamp.from(now))
			.update();
		return Optional.of(now);
	}

	/** This editor's autosave of a post not yet created. */
	Optional<KeptForms.Kept> newPost(String username) {
		return this.jdbc.sql("select fields, saved_at from new_post_autosave where username = :username")
			.param("username", username)
			.query((rs, row) -> new KeptForms.Kept("/admin/posts/new", KeptForms.decode(rs.getString("fields")),
					rs.getTimestamp("saved_at").toInstant()))
			.optional();
	}

	void discardNew(String username) {
		this.jdbc.sql("delete from new_post_autosave where username = :username").param("username", username).update();
	}

}
