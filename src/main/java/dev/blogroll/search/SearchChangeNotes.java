package dev.blogroll.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.blogroll.database.DatabaseFailures;

/**
 * Deletes the notes of changed posts ({@code post_search_change}, V94) once they are older than
 * {@value LuceneIndex#NOTES_KEPT_DAYS} days, every hour on every instance, whichever search engine
 * it uses: writers add them whether or not a Lucene index reads them. A Lucene index that has not
 * caught up for that long reads every post again instead ({@link LuceneIndex}).
 */
@Component
class SearchChangeNotes {

	private static final Logger log = LoggerFactory.getLogger(SearchChangeNotes.class);

	private final JdbcClient jdbc;

	SearchChangeNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	int forgetOld() {
		try {
			return this.jdbc.sql("delete from post_search_change where changed_at < now() - make_interval(days => :days)")
				.param("days", LuceneIndex.NOTES_KEPT_DAYS)
				.update();
		}
		catch (DataAccessException ex) {
			if (!DatabaseFailures.isUnreachable(ex)) {
				log.warn("Could not delete old notes of changed posts; trying again in an hour: {}",
						ex.getMostSpecificCause().getMessage());
			}
			return 0;
		}
	}

}
