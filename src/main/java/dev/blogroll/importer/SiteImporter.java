package dev.blogroll.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a site export ({@link SiteExporter}) into a database that has no content yet, in one
 * transaction: the site is restored whole, or not at all.
 * <p>
 * The lines are copied into a temporary table as {@code jsonb} (a line that is not JSON is
 * refused with its number), then each table's rows go in with one statement, in the order of
 * their foreign keys, columns filled by name ({@code jsonb_populate_record}), ids kept; the id
 * sequences then continue after the highest id. The counting triggers rebuild the listing
 * counts as the posts go in. Accounts are matched by username, since the database has its
 * first admin already: an existing account keeps its password unless the file carries one, and
 * a new account without one gets a random password nobody knows, to be set by an admin.
 * Progress is logged every few seconds while lines are copied, and per table.
 */
@Service
public class SiteImporter {

	private static final Logger log = LoggerFactory.getLogger(SiteImporter.class);

	private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final PasswordEncoder passwords;

	private final SecureRandom random = new SecureRandom();

	SiteImporter(JdbcTemplate jdbc, TransactionTemplate transaction, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.passwords = passwords;
	}

	/**
	 * Imports the file.
	 * @return rows imported per table
	 * @throws SiteImportException naming what is wrong (not empty, not a site export, a bad line,
	 * a row the database refused); nothing was written
	 */
	public Map<String, Long> importFrom(BufferedReader input) {
		try {
			return this.transaction.execute((status) -> this.jdbc
				.execute((ConnectionCallback<Map<String, Long>>) (connection) -> importFrom(connection, input)));
		}
		catch (SiteImportException ex) {
			throw ex;
		}
		catch (DataAccessException ex) {
			throw new SiteImportException("The database refused the site: "
					+ PostImporter.firstLine(ex.getMostSpecificCause().getMessage()), ex);
		}
	}

	private Map<String, Long> importFrom(Connection connection, BufferedReader input) throws SQLException {
		refuseUnlessEmpty(connection);
		long lines = copy(connection, input);
		checkHeader(connection);
		checkTypes(connection);
		Map<String, Long> imported = new LinkedHashMap<>();
		for (String table : SiteTables.WITH_IDS) {
			imported.put(table, insert(connection, table, true));
			try (Statement statement = connection.createStatement()) {
				statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
						+ "coalesce((select max(id) from " + table + "), 0) + 1, false)");
			}
		}
		for (String table : SiteTables.JOINS) {
			imported.put(table, insert(connection, table, false));
		}
		imported.put(SiteTables.ACCOUNT, accounts(connection));
		log.info("Site imported from {} lines: {}", lines, imported);
		return imported;
	}

	private static void refuseUnlessEmpty(Connection connection) throws SQLException {
		List<String> filled = new ArrayList<>();
		for (String table : SiteTables.WITH_IDS) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select exists (select from " + table + ")")) {
				rs.next();
				if (rs.getBoolean(1)) {
					filled.add(table);
				}
			}
		}
		if (!filled.isEmpty()) {
			throw new SiteImportException("A site is imported into an empty database, and this one has rows in "
					+ String.join(", ", filled) + ". Start Blogroll once on a new database with BLOGROLL_DEMO_DATA=false, "
					+ "then import the site into it.");
		}
	}

	private long copy(Connection connection, BufferedReader input) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table site_row (line bigint not null, row jsonb not null) on commit drop");
		}
		long lines = 0;
		long lastLog = System.nanoTime();
		try (CopyRows rows = new CopyRows(connection, "copy site_row (line, row) from stdin")) {
			String line;
			while ((line = input.readLine()) != null) {
				lines++;
				// blank lines too, so that COPY's line numbers are the file's
				rows.value(lines).value(line).endRow();
				if (System.nanoTime() - lastLog > PROGRESS_EVERY_NANOS) {
					lastLog = System.nanoTime();
					log.info("Site import: {} lines read", lines);
				}
			}
			rows.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new SiteImportException("A line is not JSON (COPY's line number is the file's): "
					+ PostImporter.firstLine(ex.getMessage()) + " " + where(ex), ex);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("create index on site_row ((row ->> 'type'))");
			statement.execute("analyze site_row");
		}
		return lines;
	}

	/** Where PostgreSQL says it was, e.g. "COPY site_row, line 7, column row". */
	private static String where(SQLException ex) {
		return (ex instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
				&& psql.getServerErrorMessage().getWhere() != null) ? "(" + psql.getServerErrorMessage().getWhere() + ")" : "";
	}

	private static void checkHeader(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select row ->> 'type', row ->> 'version' from site_row order by line limit 1")) {
			if (!rs.next() || !SiteTables.FORMAT.equals(rs.getString(1))) {
				throw new SiteImportException("This is not a site export: its first line should say {\"type\":\""
						+ SiteTables.FORMAT + "\", …}. A file of posts is imported with --import instead.");
			}
			if (!String.valueOf(SiteTables.VERSION).equals(rs.getString(2))) {
				throw new SiteImportException("This site export has version " + rs.getString(2)
						+ "; this Blogroll reads version " + SiteTables.VERSION + ".");
			}
		}
	}

	private static void checkTypes(Connection connection) throws SQLException {
		List<String> known = new ArrayList<>(SiteTables.WITH_IDS);
		known.addAll(SiteTables.JOINS);
		known.add(SiteTables.ACCOUNT);
		known.add(SiteTables.FORMAT);
		try (PreparedStatement statement = connection.prepareStatement("""
				select line, coalesce(row ->> 'type', '(none)') from site_row
				where not coalesce(row ->> 'type', '') = any (?) order by line limit 5""")) {
			statement.setArray(1, connection.createArrayOf("text", known.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				List<String> unknown = new ArrayList<>();
				while (rs.next()) {
					unknown.add("line " + rs.getLong(1) + " (" + rs.getString(2) + ")");
				}
				if (!unknown.isEmpty()) {
					throw new SiteImportException("Lines of a type this Blogroll does not know: " + String.join(", ", unknown));
				}
			}
		}
	}

	/** Inserts the table's rows, every column filled by name (generated columns left out). */
	private static long insert(Connection connection, String table, boolean keepIds) throws SQLException {
		long started = System.nanoTime();
		String columns = String.join(", ", columns(connection, table));
		String sql = "insert into " + table + " (" + columns + ")" + (keepIds ? " overriding system value" : "")
				+ " select " + columns + " from site_row s cross join lateral jsonb_populate_record(null::" + table
				+ ", s.row) r where s.row ->> 'type' = '" + table + "' order by " + SiteTables.orderOf(table);
		try (Statement statement = connection.createStatement()) {
			long rows = statement.executeLargeUpdate(sql);
			log.info("Site import: {} rows of {} in {} ms", rows, table, (System.nanoTime() - started) / 1_000_000);
			return rows;
		}
	}

	private long accounts(Connection connection) throws SQLException {
		String unknownPassword = this.passwords.encode(Base64.getEncoder().encodeToString(this.random.generateSeed(24)));
		try (PreparedStatement statement = connection.prepareStatement("""
				insert into account as a (username, password_hash, role, enabled, created_at, updated_at)
				select r.username, coalesce(r.password_hash, ?), r.role, r.enabled, r.created_at, r.updated_at
				from site_row s cross join lateral jsonb_populate_record(null::account, s.row) r
				where s.row ->> 'type' = 'account'
				order by r.username
				on conflict (username) do update set role = excluded.role, enabled = excluded.enabled,
				    password_hash = case when ? then excluded.password_hash else a.password_hash end""")) {
			statement.setString(1, unknownPassword);
			statement.setBoolean(2, hasPasswordHashes(connection));
			return statement.executeLargeUpdate();
		}
	}

	private static boolean hasPasswordHashes(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select exists (select from site_row where row ->> 'type' = 'account' and row ? 'password_hash')")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
				order by ordinal_position""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	/** A site file that cannot be imported, and why; nothing of it was written. */
	public static class SiteImportException extends RuntimeException {

		SiteImportException(String message) {
			super(message);
		}

		SiteImportException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
