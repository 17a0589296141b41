package dev.blogroll.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Thymeleaf's view for every page, with two costs that JFR of a cold crawl showed in every
 * rendered page taken out (bench/README.md, "The page path"); what is rendered is unchanged.
 * <ul>
 * <li><b>Model variables.</b> Thymeleaf keeps the model in request attributes, so every
 * {@code ${listing…}} and every test of a variable a page does not set ({@code snippet},
 * {@code section}) is a {@code getAttribute} call, and the request a view gets is wrapped
 * three and four deep (Spring Session, Spring Security's firewall, its header writer, its
 * servlet API wrapper), none of which changes attributes: each call walked the chain, 7 % of
 * a cold page's samples. Attribute calls now go to the innermost request that holds them, past
 * every wrapper that does not declare attribute methods of its own (a forward's or an error
 * dispatch's request does, and is asked as before); everything else still goes through the
 * wrappers.</li>
 * <li><b>Writing the page.</b> The page is rendered into one string (partial output is off)
 * and Tomcat's writer copied it in 8 KB pieces into a char buffer and encoded each, 7 % of
 * the samples; it is now encoded in one call ({@link String#getBytes(Charset)}, in the
 * response's character encoding, as the writer did) and written as bytes.</li>
 * </ul>
 */
class ThymeleafPageView extends ThymeleafView {

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, AttributesAtSource.of(request), new EncodedInOnePiece(response));
	}

	/** Makes Spring Boot's Thymeleaf view resolver create these views. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		static BeanPostProcessor thymeleafPageViews() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof ThymeleafViewResolver resolver) {
						resolver.setViewClass(ThymeleafPageView.class);
					}
					return bean;
				}
			};
		}

	}

	/**
	 * A request whose attributes are read and written at the innermost request that holds them;
	 * everything else goes through {@code request} and its wrappers.
	 */
	static final class AttributesAtSource extends HttpServletRequestWrapper {

		/** Whether a wrapper class declares an attribute method, below {@link ServletRequestWrapper}. */
		private static final ClassValue<Boolean> CHANGES_ATTRIBUTES = new ClassValue<>() {
			@Override
			protected Boolean computeValue(Class<?> type) {
				for (Class<?> k = type; k != null && k != ServletRequestWrapper.class; k = k.getSuperclass()) {
					for (var method : k.getDeclaredMethods()) {
						if (method.getName().equals("getAttribute") || method.getName().equals("getAttributeNames")
								|| method.getName().equals("setAttribute")
								|| method.getName().equals("removeAttribute")) {
							return true;
						}
					}
				}
				return false;
			}
		};

		private final ServletRequest holder;

		private AttributesAtSource(HttpServletRequest request, ServletRequest holder) {
			super(request);
			this.holder = holder;
		}

		/** {@code request}, or a wrapper of it that reads its attributes where they are held. */
		static HttpServletRequest of(HttpServletRequest request) {
			ServletRequest holder = request;
			while (holder instanceof ServletRequestWrapper wrapper && !CHANGES_ATTRIBUTES.get(wrapper.getClass())) {
				holder = wrapper.getRequest();
			}
			return (holder == request) ? request : new AttributesAtSource(request, holder);
		}

		/** The request whose attributes are used, for tests. */
		ServletRequest holder() {
			return this.holder;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.holder.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return this.holder.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.holder.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.holder.removeAttribute(name);
		}

	}

	/**
	 * A response whose writer encodes each string it is given in one call and writes the bytes
	 * to the response's output stream.
	 */
	static final class EncodedInOnePiece extends HttpServletResponseWrapper {

		private @Nullable PrintWriter writer;

		EncodedInOnePiece(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(new BytesWriter(getOutputStream(), Charset.forName(getCharacterEncoding())),
						false);
			}
			return this.writer;
		}

	}

	private static final class BytesWriter extends Writer {

		private final ServletOutputStream out;

		private final Charset charset;

		BytesWriter(ServletOutputStream out, Charset charset) {
			this.out = out;
			this.charset = charset;
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			String part = (offset == 0 && length == text.length()) ? text : text.substring(offset, offset + length);
			this.out.write(part.getBytes(this.charset));
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			write(new String(chars, offset, length), 0, length);
		}

		@Override
		public void flush() throws IOException {
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

}
