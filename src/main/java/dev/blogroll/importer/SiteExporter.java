package dev.blogroll.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the whole site as NDJSON ({@link SiteTables}): a first line naming the format, then
 * one line per row of each table, the row as PostgreSQL's {@code to_jsonb} gives it (every
 * column by name, timestamps to the microsecond) with its table as {@code "type"}. Read in one
 * repeatable-read transaction, so the file is one consistent state of the site even while
 * editors write; rows are streamed from cursors, so a million posts need little memory.
 * {@link SiteImporter} reads it back into an empty database.
 */
@Service
public class SiteExporter {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SiteExporter(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Writes the export.
	 * @param accounts whether to include accounts (usernames, roles, whether enabled)
	 * @param passwordHashes whether accounts carry their password hashes; a file with them
	 * must be kept as secret as the database
	 * @return the rows written, header line not included
	 */
	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public long exportTo(OutputStream out, boolean accounts, boolean passwordHashes) {
		BufferedWriter output = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		JdbcTemplate cursor = new JdbcTemplate(this.jdbc.getDataSource());
		cursor.setFetchSize(1000);
		long[] rows = { 0 };
		write(output, this.jdbc.queryForObject("select jsonb_build_object('type', ?, 'version', ?, 'exportedAt', ?::timestamptz, "
				+ "'accounts', ?, 'passwordHashes', ?)::text", String.class, SiteTables.FORMAT, SiteTables.VERSION,
				this.clock.instant().toString(), accounts, accounts && passwordHashes));
		List<String> tables = new ArrayList<>(SiteTables.WITH_IDS);
		tables.addAll(SiteTables.JOINS);
		if (accounts) {
			tables.add(SiteTables.ACCOUNT);
		}
		for (String table : tables) {
			String row = switch (table) {
				// generated from the row's text: not part of what was made
				case "post" -> "to_jsonb(t) - 'search_vector'";
				// copies of the post's, kept by triggers (V95)
				case "post_tag" -> "to_jsonb(t) - 'published_at' - 'published'";
				// never the id (matched by username), the hash only if asked for
				case SiteTables.ACCOUNT -> passwordHashes ? "to_jsonb(t) - 'id'" : "to_jsonb(t) - 'id' - 'password_hash'";
				default -> "to_jsonb(t)";
			};
			cursor.query("select (jsonb_build_object('type', '" + table + "') || " + row + ")::text from " + table + " t order by "
					+ SiteTables.orderOf(table), (rs) -> {
				write(output, rs.getString(1));
				rows[0]++;
			});
		}
		try {
			output.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows[0];
	}

	private static void write(BufferedWriter output, String line) {
		try {
			output.write(line);
			output.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
