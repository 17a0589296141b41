package dev.blogroll.media;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.blogroll.database.Writes;

/**
 * The images in PostgreSQL: stores an upload with all its variants in one transaction (so an
 * image is there at every width or not at all), serves a variant, lists the images with the
 * posts that show them, and deletes an image no post shows (the schema refuses the rest:
 * {@code post.image_media} references it, {@code V90}).
 */
@Component
@EnableConfigurationProperties(MediaSettings.class)
public class MediaLibrary {

	private static final int MAX_FILE_NAME = 255;

	private final JdbcClient jdbc;

	private final Writes writes;

	private final ImageVariants images;

	private final Clock clock;

	MediaLibrary(JdbcClient jdbc, Writes writes, ImageVariants images, Clock clock) {
		this.jdbc = jdbc;
		this.writes = writes;
		this.images = images;
		this.clock = clock;
	}

	/** An image of the library, its largest variant's size and address. */
	public record Image(long id, String hash, String fileName, String contentType, int width, int height, Instant uploadedAt,
			String uploadedBy) {

		public String path() {
			return MediaPaths.path(this.hash, new MediaPaths.Size(this.width, this.height),
					MediaPaths.extension(this.contentType));
		}

		/** The narrowest variant, for thumbnails. */
		public String thumbnailPath() {
			return MediaPaths.path(this.hash, MediaPaths.variants(this.width, this.height).get(0),
					MediaPaths.extension(this.contentType));
		}

	}

	/** A post that shows an image. */
	public record Use(long imageId, long postId, String title, String imageAlt) {
	}

	/** An image and its uses, for the media page. */
	public record Entry(Image image, List<Use> uses, long bytes) {

		/** The bytes kept for all its variants, for people ("1.2 MB"). */
		public String storedSize() {
			return MediaAdminController.describe(this.bytes);
		}

		/** JPEG or PNG. */
		public String format() {
			return "image/png".equals(this.image.contentType()) ? "PNG" : "JPEG";
		}

	}

	/** What an upload gave: the image, and whether the same file was in the library already. */
	record Stored(Image image, boolean existed) {
	}

	/** A variant's bytes, as served. */
	record Served(byte[] bytes, String contentType) {
	}

	/**
	 * Processes and stores an upload; the same file uploaded again is the image already kept.
	 * @throws RefusedImageException if it is not an image the library takes
	 */
	Stored store(String fileName, byte[] bytes, String username) {
		String hash = ImageVariants.hash(bytes);
		Optional<Image> known = findByHash(hash);
		if (known.isPresent()) {
			return new Stored(known.get(), true);
		}
		ImageVariants.Processed processed = this.images.process(bytes);
		String name = fileName.isBlank() ? "image" : fileName.strip();
		String keptName = name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
		ImageVariants.Variant largest = processed.largest();
		Instant now = this.clock.instant();
		Long id = this.writes.inTransaction(() -> {
			// a second upload of the same file at the same moment waits for the first, then finds it
			Optional<Long> inserted = this.jdbc.sql("""
					insert into media (hash, file_name, content_type, width, height, uploaded_by, uploaded_at)
					values (:hash, :name, :type, :width, :height, :by, :at)
					on conflict (hash) do nothing
					returning id""")
				.param("hash", processed.hash())
				.param("name", keptName)
				.param("type", processed.contentType())
				.param("width", largest.width())
				.param("height", largest.height())
				.param("by", username)
				.param("at", Timestamp.from(now))
				.query(Long.class)
				.optional();
			if (inserted.isEmpty()) {
				return null;
			}
			for (ImageVariants.Variant variant : processed.variants()) {
				this.jdbc.sql("insert into media_variant (media_id, width, height, bytes) values (:id, :width, :height, :bytes)")
					.param("id", inserted.get())
					.param("width", variant.width())
					.param("height", variant.height())
					.param("bytes", variant.bytes())
					.update();
			}
			return inserted.get();
		});
		Image image = findByHash(hash).orElseThrow();
		return new Stored(image, id == null);
	}

	Optional<Image> findByHash(String hash) {
		return this.jdbc.sql(IMAGE + " where hash = :hash").param("hash", hash).query(MediaLibrary::image).optional();
	}

	Optional<Image> find(long id) {
		return this.jdbc.sql(IMAGE + " where id = :id").param("id", id).query(MediaLibrary::image).optional();
	}

	/** The bytes served at a library URL, if it names a variant the library has. */
	Optional<Served> variant(MediaPaths.Parsed path) {
		return this.jdbc.sql("""
				select v.bytes, m.content_type from media m join media_variant v on v.media_id = m.id
				where m.hash = :hash and v.width = :width and v.height = :height and m.content_type = :type""")
			.param("hash", path.hash())
			.param("width", path.width())
			.param("height", path.height())
			.param("type", path.contentType())
			.query((rs, row) -> new Served(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Whether a post may name this address as its image: the URL of a library image's largest
	 * variant (the one pages build their {@code srcset} from).
	 */
	public static boolean hasImage(JdbcClient jdbc, String address) {
		return MediaPaths.parse(address)
			.map((parsed) -> jdbc.sql("""
					select exists (select from media where hash = :hash and width = :width and height = :height
					and content_type = :type)""")
				.param("hash", parsed.hash())
				.param("width", parsed.width())
				.param("height", parsed.height())
				.param("type", parsed.contentType())
				.query(Boolean.class)
				.single())
			.orElse(false);
	}

	/** The newest images first, at most {@code limit}, each with the posts that show it and its stored bytes. */
	List<Entry> newest(int limit) {
		List<Image> images = this.jdbc.sql(IMAGE + " order by uploaded_at desc, id desc limit :limit")
			.param("limit", limit)
			.query(MediaLibrary::image)
			.list();
		if (images.isEmpty()) {
			return List.of();
		}
		List<Long> ids = images.stream().map(Image::id).toList();
		List<Use> uses = this.jdbc.sql("""
				select m.id, p.id, p.title, p.image_alt from post p join media m on m.hash = p.image_media
				where m.id in (:ids) order by p.id""")
			.param("ids", ids)
			.query((rs, row) -> new Use(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
		List<long[]> sizes = this.jdbc.sql("select media_id, sum(octet_length(bytes)) from media_variant where media_id in (:ids) group by media_id")
			.param("ids", ids)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		return images.stream()
			.map((image) -> new Entry(image, uses.stream().filter((use) -> use.imageId() == image.id()).toList(),
					sizes.stream().filter((size) -> size[0] == image.id()).mapToLong((size) -> size[1]).sum()))
			.toList();
	}

	/** The posts (trashed ones included) that show an image. */
	List<Use> uses(long id) {
		return this.jdbc.sql("""
				select m.id, p.id, p.title, p.image_alt from post p join media m on m.hash = p.image_media
				where m.id = :id order by p.id""")
			.param("id", id)
			.query((rs, row) -> new Use(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * Deletes an image no post shows, with its variants.
	 * @return false if a post shows it (perhaps since a moment ago: the schema's reference decides)
	 */
	boolean delete(long id) {
		return this.writes.unlessRaceLost(() -> this.jdbc.sql("delete from media where id = :id").param("id", id).update());
	}

	private static final String IMAGE = """
			select id, hash, file_name, content_type, width, height, uploaded_at, uploaded_by from media""";

	private static Image image(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Image(rs.getLong("id"), rs.getString("hash"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getInt("width"), rs.getInt("height"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getString("uploaded_by"));
	}

}
