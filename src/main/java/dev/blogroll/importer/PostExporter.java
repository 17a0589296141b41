package dev.blogroll.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every post that is not in the trash as NDJSON, in the import format, oldest first,
 * so that importing the file into an empty database gives the same site. Rows are streamed
 * from a cursor, so exporting a million posts needs little memory.
 */
@Service
public class PostExporter {

	private final JdbcTemplate jdbc;

	private final ObjectWriter writer = JsonMapper.shared().writerFor(ImportLine.class);

	PostExporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public long exportTo(OutputStream out) {
		BufferedWriter output = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		long[] count = { 0 };
		JdbcTemplate cursor = new JdbcTemplate(this.jdbc.getDataSource());
		cursor.setFetchSize(1000);
		cursor.query("""
				select p.title, p.slug, c.name as category, a.name as author, p.published_at, p.excerpt, p.body,
				       p.image_url, p.image_alt, p.source_url, p.status,
				       array(select t.name from post_tag pt join tag t on t.id = pt.tag_id
				             where pt.post_id = p.id order by lower(t.name)) as tags
				from post p join category c on c.id = p.category_id join author a on a.id = p.author_id
				where p.status <> 'TRASHED'
				order by p.published_at, p.id""", (rs) -> {
			Array tags = rs.getArray("tags");
			List<String> tagNames = Arrays.asList((String[]) tags.getArray());
			ImportLine line = new ImportLine(rs.getString("title"), rs.getString("slug"), rs.getString("category"),
					tagNames, rs.getString("author"), rs.getTimestamp("published_at").toInstant().toString(),
					rs.getString("excerpt"), rs.getString("body"), rs.getString("image_url"), rs.getString("image_alt"),
					rs.getString("source_url"), rs.getString("status").toLowerCase(Locale.ROOT));
			try {
				output.write(this.writer.writeValueAsString(line));
				output.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			count[0]++;
		});
		try {
			output.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count[0];
	}

}
