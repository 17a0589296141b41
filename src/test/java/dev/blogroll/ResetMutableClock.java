package dev.blogroll;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Sets the {@link MutableClock} of the test's application context back to real time after each
 * test method, so that a test that moved time cannot leak it into the next test sharing the
 * context. The site's locale ({@link MutableSiteLocale}) goes back to the setting likewise. Registered in {@code META-INF/spring.factories}.
 */
class ResetMutableClock extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		reset(testContext);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		reset(testContext);
	}

	private static void reset(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(MutableClock.class).ifAvailable(MutableClock::reset);
			testContext.getApplicationContext()
				.getBeanProvider(MutableSiteLocale.class)
				.ifAvailable(MutableSiteLocale::reset);
		}
	}

}
