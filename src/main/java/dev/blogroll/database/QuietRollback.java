package dev.blogroll.database;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs work in a transaction as Spring's {@code TransactionTemplate} does, except when the
 * rollback after a failure fails too, as it does when PostgreSQL crashed mid-transaction (the
 * connection is gone). The template then logs the work's failure at ERROR with its stack trace
 * and throws the rollback's ("Unable to rollback against JDBC Connection … Connection is
 * closed"), which says nothing of what happened. Here the work's failure is thrown, with the
 * failed rollback attached (suppressed), and nothing is logged: whoever catches it knows what it
 * means ({@link DatabaseFailures}) and says so once.
 */
public final class QuietRollback implements TransactionOperations {

	private final PlatformTransactionManager transactions;

	private final TransactionDefinition definition;

	public QuietRollback(PlatformTransactionManager transactions, TransactionDefinition definition) {
		this.transactions = transactions;
		this.definition = definition;
	}

	@Override
	public <T> @Nullable T execute(TransactionCallback<T> action) {
		TransactionStatus status = this.transactions.getTransaction(this.definition);
		T result;
		try {
			result = action.doInTransaction(status);
		}
		catch (RuntimeException | Error ex) {
			try {
				this.transactions.rollback(status);
			}
			catch (RuntimeException rollbackFailed) {
				ex.addSuppressed(rollbackFailed);
			}
			throw ex;
		}
		this.transactions.commit(status);
		return result;
	}

}
