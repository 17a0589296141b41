package dev.blogroll.admin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.blogroll.web.SiteLocale;

/**
 * Actions that destroy or take away (trash a post; delete a category, tag, author, feed
 * source or library image; disable an account, one's own too) happen only once confirmed on a page of their own,
 * without JavaScript: a form that sends one of them without {@code confirm=true} (the buttons in
 * the tables, a forged or replayed request) is redirected to {@code /admin/confirm}, which says
 * what is about to happen and sends the same request again with the confirmation. The
 * controllers that carry out the actions stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class Confirmations implements WebMvcConfigurer, HandlerInterceptor {

	static final String PATH = "/admin/confirm";

	/**
	 * One kind of action that needs confirming.
	 *
	 * @param action the paths it is sent to; group 1 is the id of what it acts on
	 * @param when the field that must have this value for the action to need confirming (or null)
	 * @param nameQuery the query that names what it acts on, by {@code :id}
	 * @param words the messages' keys start with this: {@code <words>.question} (what the page
	 * asks, {@code {0}} the name), {@code .consequence} (what follows, in a sentence), {@code .button}
	 * (the button's label)
	 * @param cancel where "Cancel" goes
	 */
	record Kind(Pattern action, Map.@Nullable Entry<String, String> when, String nameQuery, String words,
			String cancel) {
	}

	static final List<Kind> KINDS = List.of(
			new Kind(Pattern.compile("/admin/posts/([0-9]{1,18})/trash"), null, "select title from post where id = :id",
					"confirm.trashPost", "/admin/posts"),
			new Kind(Pattern.compile("/admin/categories/([0-9]{1,18})/delete"), null,
					"select name from category where id = :id", "confirm.deleteCategory", "/admin/categories"),
			new Kind(Pattern.compile("/admin/tags/([0-9]{1,18})/delete"), null, "select name from tag where id = :id",
					"confirm.deleteTag", "/admin/tags"),
			new Kind(Pattern.compile("/admin/authors/([0-9]{1,18})/delete"), null,
					"select name from author where id = :id", "confirm.deleteAuthor", "/admin/authors"),
			new Kind(Pattern.compile("/admin/sources/([0-9]{1,18})/delete"), null,
					"select name from feed_source where id = :id", "confirm.deleteSource", "/admin/sources"),
			new Kind(Pattern.compile("/admin/media/([0-9]{1,18})/delete"), null,
					"select file_name from media where id = :id", "confirm.deleteImage", "/admin/media"),
			new Kind(Pattern.compile("/admin/accounts/([0-9]{1,18})/enabled"), Map.entry("enabled", "false"),
					"select username from account where id = :id", "confirm.disableAccount", "/admin/accounts"));

	private final JdbcClient jdbc;

	private final SiteLocale siteLocale;

	Confirmations(JdbcClient jdbc, SiteLocale siteLocale) {
		this.jdbc = jdbc;
		this.siteLocale = siteLocale;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/admin/**");
	}

	/** Sends an unconfirmed destructive action to its confirmation page. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!"POST".equals(request.getMethod()) || "true".equals(request.getParameter("confirm"))) {
			return true;
		}
		Optional<Kind> kind = kindOf(request.getRequestURI());
		if (kind.isEmpty() || (kind.get().when() != null
				&& !kind.get().when().getValue().equals(request.getParameter(kind.get().when().getKey())))) {
			return true;
		}
		response.sendRedirect(PATH + "?action=" + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
		return false;
	}

	static Optional<Kind> kindOf(String action) {
		return KINDS.stream().filter((kind) -> kind.action().matcher(action).matches()).findFirst();
	}

	/**
	 * The page asking to confirm {@code action} (for the account of {@code username}), or
	 * empty when it is no action that needs confirming or what it acts on does not exist.
	 */
	Optional<Question> question(String action, String username) {
		return kindOf(action).flatMap((kind) -> {
			Matcher matcher = kind.action().matcher(action);
			matcher.matches();
			long id = Long.parseLong(matcher.group(1));
			return this.jdbc.sql(kind.nameQuery()).param("id", id).query(String.class).optional().map((name) -> {
				String consequence = this.siteLocale.text(kind.words() + ".consequence");
				if (kind.when() != null && name.equals(username)) {
					consequence = this.siteLocale.text("confirm.disableOwnAccount.consequence");
				}
				return new Question(action, this.siteLocale.text(kind.words() + ".question", name), consequence,
						this.siteLocale.text(kind.words() + ".button"), kind.cancel(), kind.when());
			});
		});
	}

	/**
	 * What the confirmation page shows.
	 *
	 * @param action where the confirmed form goes
	 * @param question what it asks
	 * @param consequence what follows
	 * @param button the button's label
	 * @param cancel where "Cancel" goes
	 * @param field a field the form sends besides the confirmation (or null)
	 */
	record Question(String action, String question, String consequence, String button, String cancel,
			Map.@Nullable Entry<String, String> field) {
	}

}
