package dev.blogroll.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

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

	/**
	 * Every request passes Blogroll's filters (a kept page five of them, a rendered page all):
	 * each names its "already filtered" attribute once ({@link SiteFilter}), instead of Spring
	 * building the name on every request.
	 */
	@Test
	void everyOncePerRequestFilterOfBlogrollsNamesItsAttributeOnce() {
		int filters = 0;
		for (Filter filter : this.context.getBeansOfType(Filter.class).values()) {
			if (filter.getClass().getPackageName().startsWith("dev.blogroll") && filter instanceof OncePerRequestFilter) {
				assertThat(filter).as(filter.getClass().getSimpleName()).isInstanceOf(SiteFilter.class);
				filters++;
			}
		}
		assertThat(filters).isGreaterThanOrEqualTo(9);
	}

	@Test
	void aSiteFilterStillRunsOncePerRequest() throws Exception {
		int[] runs = new int[1];
		SiteFilter counting = new SiteFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				runs[0]++;
				chain.doFilter(request, response);
			}
		};
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/blog");
		MockHttpServletResponse response = new MockHttpServletResponse();
		// the chain passes the request through the same filter again, as a nested chain would
		counting.doFilter(request, response, (req, res) -> counting.doFilter(req, res, new MockFilterChain()));
		assertThat(runs[0]).isEqualTo(1);
		counting.doFilter(new MockHttpServletRequest("GET", "/blog"), response, new MockFilterChain());
		assertThat(runs[0]).isEqualTo(2);
	}

}
