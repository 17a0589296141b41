package dev.blogroll.content;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SharedQueryTests {

	@Test
	void aLoneCallerGetsItsOwnQuery() {
		AtomicInteger queries = new AtomicInteger();
		SharedQuery<Integer> shared = new SharedQuery<>(queries::incrementAndGet);
		assertThat(shared.get()).isEqualTo(1);
		assertThat(shared.get()).isEqualTo(2);
	}

	/**
	 * "Commits" are numbered; every caller notes the last one before calling. The query reads
	 * the latest commit when it starts. No caller may get an answer older than its call, and
	 * concurrent callers must share queries.
	 */
	@Test
	void concurrentCallersShareQueriesButNeverGetAnAnswerOlderThanTheirCall() throws Exception {
		AtomicLong committed = new AtomicLong();
		AtomicInteger queries = new AtomicInteger();
		SharedQuery<Long> shared = new SharedQuery<>(() -> {
			queries.incrementAndGet();
			long seen = committed.get();
			sleep(2);
			return seen;
		});
		int threads = 16;
		int callsEach = 100;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> stale = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			stale.add(pool.submit(() -> {
				start.await();
				int staleAnswers = 0;
				for (int i = 0; i < callsEach; i++) {
					long before = committed.incrementAndGet();
					if (shared.get() < before) {
						staleAnswers++;
					}
				}
				return staleAnswers;
			}));
		}
		start.countDown();
		for (Future<Integer> result : stale) {
			assertThat(result.get(30, TimeUnit.SECONDS)).isZero();
		}
		pool.shutdown();
		assertThat(queries.get()).isLessThan(threads * callsEach / 2);
	}

	@Test
	void aFailureReachesEveryCallerOfItsRoundAndTheNextRoundTriesAgain() {
		AtomicInteger queries = new AtomicInteger();
		SharedQuery<Integer> shared = new SharedQuery<>(() -> {
			if (queries.incrementAndGet() == 1) {
				throw new IllegalStateException("database away");
			}
			return queries.get();
		});
		assertThatIllegalStateException().isThrownBy(shared::get).withMessage("database away");
		assertThat(shared.get()).isEqualTo(2);
	}

	/**
	 * While the database is away a query waits the pool's whole timeout before failing: a caller
	 * who arrived meanwhile gets that failure too, instead of waiting as long again for its own.
	 */
	@Test
	void callersArrivingWhileTheDatabaseIsFoundUnreachableShareThatFailure() throws Exception {
		AtomicInteger queries = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SharedQuery<Integer> shared = new SharedQuery<>(() -> {
			if (queries.incrementAndGet() == 1) {
				started.countDown();
				await(release);
				throw new IllegalStateException("unreachable");
			}
			return queries.get();
		}, (failure) -> "unreachable".equals(failure.getMessage()));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<Integer> first = pool.submit(shared::get);
		started.await(10, TimeUnit.SECONDS);
		Future<Integer> second = pool.submit(shared::get);
		sleep(200);
		release.countDown();
		for (Future<Integer> caller : List.of(first, second)) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class);
		}
		assertThat(queries.get()).as("one wait for both").isEqualTo(1);
		assertThat(shared.get()).as("a caller after the failure asks again").isEqualTo(2);
		pool.shutdown();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
