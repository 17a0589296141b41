package dev.blogroll.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.blogroll.database.DatabaseFailures;

/**
 * Folds what writers noted without waiting for each other ({@code V36}) into the tables it adds
 * to, every {@code blogroll.housekeeping-interval} (5 s) on every instance: the listing counts'
 * pending changes into {@code listing_count_folded} and {@code listing_change_folded}, and the
 * content version's pending rows into {@code data_version}. Readers get the same answers before and after (each
 * fold is one transaction, and the views and the version add pending to folded); folding only
 * keeps what they add up small. Two instances folding at once do not get in each other's way
 * ({@code fold_listing_counts()} lets one at a time through and the other returns at once).
 * While PostgreSQL is away there is nothing to fold and nothing is logged.
 */
@Component
@EnableScheduling
class PendingChanges {

	private static final Logger log = LoggerFactory.getLogger(PendingChanges.class);

	private final JdbcClient jdbc;

	PendingChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${blogroll.housekeeping-interval:5s}",
			initialDelayString = "${blogroll.housekeeping-interval:5s}")
	void fold() {
		try {
			this.jdbc.sql("select fold_listing_counts()").query(Integer.class).single();
			this.jdbc.sql(ContentVersion.FOLD).update();
		}
		catch (DataAccessException ex) {
			if (DatabaseFailures.isUnreachable(ex)) {
				return;
			}
			log.warn("Could not fold the pending listing counts and content changes; trying again later: {}",
					ex.getMostSpecificCause().getMessage());
		}
	}

}
