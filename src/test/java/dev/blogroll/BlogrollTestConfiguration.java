package dev.blogroll;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.blogroll.importer.PostImporter;

/**
 * The beans every {@link BlogrollTest} has besides the application's own.
 */
@TestConfiguration(proxyBeanMethods = false)
class BlogrollTestConfiguration {

	/** Time as the tests set it, for everything in the application that asks for the time. */
	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	/** The site's locale as the tests set it: English unless a test switches. */
	@Bean
	@Primary
	MutableSiteLocale mutableSiteLocale(BlogrollProperties properties, MessageSource messages) {
		return new MutableSiteLocale(properties, messages);
	}

	@Bean
	TestPosts testPosts(PostImporter importer, JdbcClient jdbc) {
		return new TestPosts(importer, jdbc);
	}

	@Bean
	static SqlStatements sqlStatements() {
		return new SqlStatements();
	}

	@Bean
	static SlowStatements slowStatements() {
		return new SlowStatements();
	}

	/**
	 * Counts every statement sent through the application's connection pool, and delays those
	 * a test has asked {@link SlowStatements} to make slow.
	 */
	@Bean
	static BeanPostProcessor countSqlStatements(SqlStatements statements, SlowStatements slow) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					return ProxyDataSourceBuilder.create(dataSource)
						.beforeQuery((execution, queries) -> slow.beforeQuery(queries))
						.afterQuery((execution, queries) -> statements.add(queries.size()))
						.build();
				}
				return bean;
			}
		};
	}

}
