package dev.blogroll.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.OrderUtils;

import dev.blogroll.BlogrollTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every servlet filter of Blogroll's own has an order of its own ({@link FilterOrder}): when
 * two tie, which runs first is left to chance, and the answer of one can depend on it.
 */
@BlogrollTest
class FilterOrderTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void noTwoOfBlogrollsFiltersShareAnOrder() {
		Map<Integer, String> byOrder = new HashMap<>();
		int filters = 0;
		for (Filter filter : this.context.getBeansOfType(Filter.class).values()) {
			if (!filter.getClass().getPackageName().startsWith("dev.blogroll")) {
				continue;
			}
			Integer order = OrderUtils.getOrder(filter.getClass());
			assertThat(order).as(filter.getClass().getSimpleName() + " has an @Order").isNotNull();
			String other = byOrder.put(order, filter.getClass().getSimpleName());
			assertThat(other).as(filter.getClass().getSimpleName() + " shares order " + order).isNull();
			filters++;
		}
		assertThat(filters).isGreaterThanOrEqualTo(7);
	}

}
