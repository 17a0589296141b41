package dev.blogroll.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;

import dev.blogroll.database.DatabaseFailures;
import dev.blogroll.database.QuietRollback;

/**
 * Editors' sessions in PostgreSQL (Spring Session JDBC), made to behave during an outage like
 * the rest of Blogroll: one line in the log, no stack traces.
 * <p>
 * <b>Transactions.</b> Those Spring Session saves sessions in (the bean it looks for by name)
 * are like its own but quiet when PostgreSQL goes away in the middle of one. Spring Session
 * saves the session at the end of every request, in a transaction of its own.
 * If PostgreSQL crashes during that save, rolling back fails too (the connection is gone), and
 * Spring's {@code TransactionTemplate} then logs the save's failure at ERROR with its whole
 * stack trace before throwing the rollback's: a second stack trace for one failure, which
 * {@code DatabaseOutageFilter} already reports in one line as it answers 503 with the editor's
 * input. So they run in {@link QuietRollback}, which throws the save's failure, unlogged.
 * Not a default candidate: everything else that asks for a {@code TransactionOperations} or
 * {@code TransactionTemplate} keeps getting Spring Boot's.
 * <p>
 * <b>Removing expired sessions</b> is done here, every {@code blogroll.housekeeping-interval}
 * (5 s: one indexed delete), instead of by Spring Session's
 * own schedule ({@code spring.session.jdbc.cleanup-cron=-}), whose failures during an outage
 * are logged with a stack trace each minute: here the first failure is one line, and the
 * recovery another.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	private volatile boolean unreachable;

	SessionStore(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
	}

	@Bean(defaultCandidate = false)
	static TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		// a transaction of its own, as Spring Session's default one
		return new QuietRollback(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
	}

	@Scheduled(fixedDelayString = "${blogroll.housekeeping-interval:5s}",
			initialDelayString = "${blogroll.housekeeping-interval:5s}")
	void removeExpiredSessions() {
		JdbcIndexedSessionRepository repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		try {
			repository.cleanUpExpiredSessions();
			if (this.unreachable) {
				this.unreachable = false;
				log.info("Expired sessions removed again: the database is back");
			}
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isUnreachable(ex)) {
				throw ex;
			}
			if (!this.unreachable) {
				this.unreachable = true;
				log.warn("Expired sessions not removed: database unreachable; trying again until it is back");
			}
		}
	}

}
