package dev.blogroll.media;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import dev.blogroll.BlogrollTest;
import dev.blogroll.PostFormFields;
import dev.blogroll.RawHttp;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Uploads to the media library over the admin's forms, with hostile files among them, and what
 * is kept (rows in PostgreSQL) and served (headers, 304, 404) afterwards.
 */
@BlogrollTest
class MediaUploadTests {

	private static final long TEN_MB = 10L * 1024 * 1024;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MediaLibrary library;

	@LocalServerPort
	private int port;

	@AfterEach
	void removeTestImagesAndPosts() {
		this.jdbc.sql("delete from post where slug like 'media-test-%'").update();
		this.jdbc.sql("delete from media where uploaded_by = 'mira'").update();
	}

	@Test
	void anImageIsKeptAtEveryStandardWidthBelowItsOwnAndNeverScaledUp() throws Exception {
		MvcResult result = upload("/admin/media", "diagram.png", "image/png", TestImages.png(1000, 500));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("message")).isEqualTo("Uploaded diagram.png (1000 × 500).");

		Map<String, Object> image = this.jdbc.sql("select * from media where file_name = 'diagram.png'").query().singleRow();
		assertThat(image).containsEntry("content_type", "image/png").containsEntry("width", 1000).containsEntry("height", 500);
		List<Map<String, Object>> variants = variants((String) image.get("hash"));
		assertThat(variants).extracting((row) -> row.get("width")).containsExactly(400, 800, 1000);
		assertThat(variants).extracting((row) -> row.get("height")).containsExactly(200, 400, 500);
		for (Map<String, Object> variant : variants) {
			var decoded = TestImages.read((byte[]) variant.get("bytes"));
			assertThat(decoded.getWidth()).isEqualTo(variant.get("width"));
			assertThat(decoded.getHeight()).isEqualTo(variant.get("height"));
		}
	}

	@Test
	void aLargePhotographIsScaledToTheStandardWidthsUpTo2000Pixels() throws Exception {
		assertThat(upload("/admin/media", "wide.jpg", "image/jpeg", TestImages.jpeg(2600, 1300)).getResponse()
			.getStatus()).isEqualTo(302);
		String hash = this.jdbc.sql("select hash from media where file_name = 'wide.jpg'").query(String.class).single();
		assertThat(variants(hash)).extracting((row) -> row.get("width")).containsExactly(400, 800, 1200, 1600, 2000);
		assertThat(variants(hash)).extracting((row) -> row.get("height")).containsExactly(200, 400, 600, 800, 1000);
		assertThat(this.jdbc.sql("select content_type from media where hash = :hash").param("hash", hash)
			.query(String.class).single()).isEqualTo("image/jpeg");
	}

	@Test
	void aPngSentWithAJpegNameAndTypeIsKeptAsWhatItIs() throws Exception {
		assertThat(upload("/admin/media", "holiday.jpg", "image/jpeg", TestImages.png(300, 200)).getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(this.jdbc.sql("select content_type from media where file_name = 'holiday.jpg'").query(String.class)
			.single()).isEqualTo("image/png");
	}

	@Test
	void webpFilesFromABrowsersEncoderAreReadAndKeptAsJpegOrPngByTheirTransparency() throws Exception {
		byte[] opaque = resource("chromium-opaque.webp");
		byte[] transparent = resource("chromium-transparent.webp");
		assertThat(upload("/admin/media", "opaque.webp", "image/webp", opaque).getResponse().getStatus()).isEqualTo(302);
		assertThat(upload("/admin/media", "disc.webp", "image/webp", transparent).getResponse().getStatus()).isEqualTo(302);

		Map<String, Object> photo = this.jdbc.sql("select * from media where file_name = 'opaque.webp'").query().singleRow();
		assertThat(photo).containsEntry("width", 960).containsEntry("height", 540);
		assertThat(variants((String) photo.get("hash"))).extracting((row) -> row.get("width")).containsExactly(400, 800, 960);
		var decoded = TestImages.read((byte[]) variants((String) photo.get("hash")).get(0).get("bytes"));
		assertThat(new java.awt.Color(decoded.getRGB(5, 5)).getRed()).as("the red corner").isGreaterThan(200);

		Map<String, Object> disc = this.jdbc.sql("select * from media where file_name = 'disc.webp'").query().singleRow();
		assertThat(disc).containsEntry("content_type", "image/png").containsEntry("width", 600);
		var discImage = TestImages.read((byte[]) variants((String) disc.get("hash")).get(0).get("bytes"));
		assertThat(discImage.getColorModel().hasAlpha()).isTrue();
		assertThat(discImage.getRGB(discImage.getWidth() - 2, discImage.getHeight() - 2) >>> 24)
			.as("the transparent corner stays transparent").isZero();
	}

	@Test
	void aTextFileNamedPngIsRefusedInWordsAndNothingIsWritten() throws Exception {
		long[] before = counts();
		MvcResult result = upload("/admin/media", "notes.png", "image/png",
				"Just some notes, not a picture.\n".getBytes());
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("h1").text()).isEqualTo("Media");
		assertThat(page.select(".flash-error").text()).contains("not a JPEG, PNG, WebP or GIF image");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeaderWithoutBeingDecoded() throws Exception {
		byte[] bomb = TestImages.pngBomb(50_000, 50_000);
		assertThat(bomb.length).isLessThan(10_000);
		long[] before = counts();
		MvcResult result = upload("/admin/media", "bomb.png", "image/png", bomb);
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select(".flash-error").text())
			.contains("2,500,000,000 pixels", "at most 40,000,000 pixels");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aDamagedImageIsRefusedInWords() throws Exception {
		byte[] jpeg = TestImages.jpeg(400, 300);
		byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
		MvcResult result = upload("/admin/media", "cut.jpg", "image/jpeg", cut);
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select(".flash-error").text())
			.contains("could not be read as one");
	}

	@Test
	void aFiftyMegabyteUploadIs413WithTheSitesPageBeforeItIsRead() throws Exception {
		long[] before = counts();
		byte[] huge = new byte[50 * 1024 * 1024];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		for (String path : List.of("/admin/media", "/admin/media/upload")) {
			assertThat(upload(path, "huge.jpg", "image/jpeg", huge).getResponse().getStatus()).isEqualTo(413);
			// over HTTP, as a browser sends it: the answer comes before the body, and is the site's page
			RawHttp.Response response = RawHttp.send(this.port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + huge.length
					+ "\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n\r\n");
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.contentType()).startsWith("text/html");
			assertThat(response.html().select("p").text()).contains("it accepts at most 10 MB");
			assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
		}
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aFileJustOverTheLimitIsCaughtWhileReadingIt() throws Exception {
		long[] before = counts();
		byte[] over = new byte[(int) TEN_MB + 1];
		MvcResult form = upload("/admin/media", "over.jpg", "image/jpeg", over);
		assertThat(form.getResponse().getStatus()).isEqualTo(413);
		assertThat(Jsoup.parse(form.getResponse().getContentAsString()).select(".flash-error").text())
			.isEqualTo("The file is too large: the library takes images of at most 10 MB.");
		MvcResult picker = upload("/admin/media/upload", "over.jpg", "image/jpeg", over);
		assertThat(picker.getResponse().getStatus()).isEqualTo(413);
		assertThat(picker.getResponse().getContentAsString()).contains("at most 10 MB");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void exifIsRemovedAndTheOrientationApplied() throws Exception {
		byte[] photo = TestImages.jpegWithExif(300, 200, 6);
		assertThat(TestImages.contains(photo, "Exif")).isTrue();
		assertThat(TestImages.contains(photo, TestImages.CAMERA)).isTrue();
		assertThat(upload("/admin/media", "phone.jpg", "image/jpeg", photo).getResponse().getStatus()).isEqualTo(302);

		Map<String, Object> image = this.jdbc.sql("select * from media where file_name = 'phone.jpg'").query().singleRow();
		assertThat(image).as("turned upright: 90° clockwise").containsEntry("width", 200).containsEntry("height", 300);
		for (Map<String, Object> variant : variants((String) image.get("hash"))) {
			byte[] bytes = (byte[]) variant.get("bytes");
			assertThat(TestImages.contains(bytes, "Exif")).isFalse();
			assertThat(TestImages.contains(bytes, TestImages.CAMERA)).isFalse();
			var decoded = TestImages.read(bytes);
			// the red block of the top left corner is now in the top right corner
			assertThat(new java.awt.Color(decoded.getRGB(decoded.getWidth() - 5, 5)).getRed()).isGreaterThan(200);
			assertThat(new java.awt.Color(decoded.getRGB(5, 5)).getRed()).isLessThan(100);
		}
	}

	@Test
	void theSameFileUploadedTwiceIsOneImage() throws Exception {
		byte[] png = TestImages.png(500, 300);
		upload("/admin/media", "first.png", "image/png", png);
		MvcResult again = upload("/admin/media/upload", "second.png", "image/png", png);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getContentAsString()).contains("in the library already: first.png");
		assertThat(this.jdbc.sql("select count(*) from media where uploaded_by = 'mira'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void twoUploadsOfTheSameFileAtOnceMakeOneImage() throws Exception {
		byte[] png = TestImages.png(1200, 700);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			java.util.concurrent.Callable<MediaLibrary.Stored> store = () -> {
				start.await();
				return this.library.store("twin.png", png, "mira");
			};
			var first = pool.submit(store);
			var second = pool.submit(store);
			start.countDown();
			List<Boolean> existed = List.of(first.get(2, java.util.concurrent.TimeUnit.MINUTES).existed(),
					second.get(2, java.util.concurrent.TimeUnit.MINUTES).existed());
			assertThat(existed).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from media where file_name = 'twin.png'").query(Long.class).single())
			.isOne();
		assertThat(variants(hash("twin.png"))).extracting((row) -> row.get("width")).containsExactly(400, 800, 1200);
	}

	@Test
	void thePickerGetsTheImagesAddressInJson() throws Exception {
		MvcResult result = upload("/admin/media/upload", "chart.png", "image/png", TestImages.png(900, 600));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		String hash = this.jdbc.sql("select hash from media where file_name = 'chart.png'").query(String.class).single();
		assertThat(result.getResponse().getContentAsString()).contains("\"path\":\"/media/" + hash + "-900x600.png\"",
				"\"thumbnail\":\"/media/" + hash + "-400x267.png\"");
		MvcResult refused = upload("/admin/media/upload", "x.png", "image/png", "no".getBytes());
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("\"error\":\"This file is not a JPEG");
	}

	@Test
	void aFailureWhileStoringLeavesNothingHalfWritten() throws Exception {
		// the database refuses the third variant: the image row and the first two go with it
		this.jdbc.sql("""
				create function media_test_refuse() returns trigger language plpgsql as $$
				begin raise exception 'refused for the test'; end $$""").update();
		this.jdbc.sql("""
				create trigger media_test_refuse before insert on media_variant for each row
				when (new.width = 1000) execute function media_test_refuse()""").update();
		try {
			long[] before = counts();
			MvcResult result = upload("/admin/media", "half.png", "image/png", TestImages.png(1000, 400));
			assertThat(result.getResponse().getStatus()).isEqualTo(503);
			assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select(".flash-error").text())
				.contains("nothing of it was kept");
			assertThat(counts()).isEqualTo(before);
		}
		finally {
			this.jdbc.sql("drop trigger media_test_refuse on media_variant").update();
			this.jdbc.sql("drop function media_test_refuse()").update();
		}
	}

	@Test
	void onlyEditorsUploadAndOnlyWithTheFormsToken() throws Exception {
		byte[] png = TestImages.png(50, 50);
		MockMultipartFile file = new MockMultipartFile("file", "a.png", "image/png", png);
		assertThat(this.mvc.perform(multipart("/admin/media").file(file).with(Uploads.length(png)).with(csrf()))
			.andReturn().getResponse().getStatus()).as("not signed in").isEqualTo(302);
		assertThat(this.mvc.perform(multipart("/admin/media").file(file).with(Uploads.length(png))
			.with(user("mira").roles("EDITOR"))).andReturn().getResponse().getStatus()).as("no CSRF token")
			.isIn(302, 403);
		assertThat(this.jdbc.sql("select count(*) from media where uploaded_by = 'mira'").query(Long.class).single())
			.isZero();
	}

	@Test
	void imagesAreServedUnderImmutableHashedAddresses() throws Exception {
		upload("/admin/media", "served.jpg", "image/jpeg", TestImages.jpeg(900, 450));
		String hash = this.jdbc.sql("select hash from media where file_name = 'served.jpg'").query(String.class).single();
		String path = "/media/" + hash + "-400x200.jpg";
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "image/avif,image/webp,*/*").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		String etag = image.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).isEqualTo("\"" + hash + "-400x200\"");
		assertThat(TestImages.read(image.body()).getWidth()).isEqualTo(400);

		RawHttp.Response notModified = RawHttp.get(this.port, path, "If-None-Match: " + etag);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.header("ETag")).isEqualTo(etag);
		assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		RawHttp.Response head = RawHttp.send(this.port, "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(image.body().length));
		assertThat(RawHttp.get(this.port, path, "If-None-Match: W/" + etag + ", \"other\"").status()).isEqualTo(304);
		assertThat(RawHttp.get(this.port, path, "If-None-Match: \"other\"").status()).isEqualTo(200);
	}

	@Test
	void anAddressTheLibraryDoesNotHaveIsTheSites404PageForEveryClient() throws Exception {
		upload("/admin/media", "known.png", "image/png", TestImages.png(500, 250));
		String hash = this.jdbc.sql("select hash from media where file_name = 'known.png'").query(String.class).single();
		List<String> missing = List.of("/media/" + "0".repeat(32) + "-400x200.jpg", "/media/" + hash + "-401x200.png",
				"/media/" + hash + "-400x201.png", "/media/" + hash + "-400x200.jpg", "/media/nothing.png",
				"/media/" + hash + "-400x200.png.exe", "/media");
		for (String path : missing) {
			for (String accept : List.of("*/*", "image/avif,image/webp,*/*;q=0.8", "image/png", "application/json",
					"text/html")) {
				RawHttp.Response response = RawHttp.get(this.port, path, "Accept: " + accept);
				assertThat(response.status()).as(path + " " + accept).isEqualTo(404);
				assertThat(response.contentType()).as(path + " " + accept).startsWith("text/html");
				assertThat(response.html().select("h1").text()).as(path + " " + accept).isNotEmpty();
				assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
			}
		}
	}

	@Test
	void thePageListsImagesWithTheirPostsAndDeletesOnlyUnusedOnes() throws Exception {
		upload("/admin/media", "used.png", "image/png", TestImages.png(640, 360));
		upload("/admin/media", "unused.png", "image/png", TestImages.png(320, 180));
		long used = id("used.png");
		long unused = id("unused.png");
		String usedPath = "/media/" + hash("used.png") + "-640x360.png";
		assertThat(this.mvc.perform(savePost("media-test-used", usedPath, "A chart of requests per second"))
			.andReturn().getResponse().getStatus()).isEqualTo(302);

		Document page = page("/admin/media");
		Element usedItem = item(page, "used.png");
		assertThat(usedItem.select(".media-uses").text()).contains("Media Test Post", "A chart of requests per second");
		assertThat(usedItem.select("input[readonly]").val()).isEqualTo(usedPath);
		assertThat(usedItem.select("form[action$=/delete]")).isEmpty();
		assertThat(usedItem.select(".field-hint").first().text()).contains("640 × 360 px, PNG");
		assertThat(item(page, "unused.png").select("form[action$=/delete]")).hasSize(1);

		// a delete is confirmed on a page of its own first
		MvcResult unconfirmed = this.mvc.perform(post("/admin/media/" + unused + "/delete").with(csrf())
			.with(user("mira").roles("EDITOR"))).andReturn();
		assertThat(unconfirmed.getResponse().getRedirectedUrl()).startsWith("/admin/confirm");
		Document confirm = Jsoup.parse(this.mvc.perform(get(URI.create(unconfirmed.getResponse().getRedirectedUrl()))
			.with(user("mira").roles("EDITOR"))).andReturn().getResponse().getContentAsString());
		assertThat(confirm.select("h1").text()).isEqualTo("Delete the image “unused.png”?");

		assertThat(delete(used).getFlashMap().get("error")).asString().contains("is shown by a post");
		assertThat(this.jdbc.sql("select count(*) from media_variant where media_id = :id").param("id", used)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(delete(unused).getFlashMap().get("message")).isEqualTo("Deleted the image “unused.png”.");
		assertThat(this.jdbc.sql("select count(*) from media_variant where media_id = :id").param("id", unused)
			.query(Long.class).single()).isZero();
		assertThat(RawHttp.get(this.port, "/media/" + hash("used.png") + "-640x360.png").status()).isEqualTo(200);
	}

	@Test
	void aPostsLibraryImageNeedsAltTextAndMustBeInTheLibrary() throws Exception {
		upload("/admin/media", "alt.png", "image/png", TestImages.png(640, 360));
		String path = "/media/" + hash("alt.png") + "-640x360.png";
		MvcResult noAlt = this.mvc.perform(savePost("media-test-alt", path, "")).andReturn();
		assertThat(noAlt.getResponse().getStatus()).isEqualTo(200);
		Document form = Jsoup.parse(noAlt.getResponse().getContentAsString());
		assertThat(form.select("#imageAlt-error").text()).contains("alt text is needed with an image");
		assertThat(form.select("#imageUrl").val()).isEqualTo(path);
		assertThat(form.select("#title").val()).isEqualTo("Media Test Post");

		MvcResult unknown = this.mvc.perform(savePost("media-test-alt", "/media/" + "a".repeat(32) + "-640x360.png",
				"A chart")).andReturn();
		assertThat(Jsoup.parse(unknown.getResponse().getContentAsString()).select("#imageUrl-error").text())
			.contains("not in the media library");
		MvcResult insecure = this.mvc.perform(savePost("media-test-alt", "http://images.example/a.png", "A chart"))
			.andReturn();
		assertThat(Jsoup.parse(insecure.getResponse().getContentAsString()).select("#imageUrl-error").text())
			.contains("Content-Security-Policy");
		assertThat(this.jdbc.sql("select count(*) from post where slug = 'media-test-alt'").query(Long.class).single())
			.isZero();
	}

	@Test
	void publicPagesShowALibraryImageInEveryWidthWithItsSize() throws Exception {
		upload("/admin/media", "cover.jpg", "image/jpeg", TestImages.jpeg(1500, 1000));
		String hash = hash("cover.jpg");
		this.mvc.perform(PostFormFields.post("/admin/posts/new", "mira",
				PostFormFields.with(fields("media-test-public", "/media/" + hash + "-1500x1000.jpg", "A cover"),
						"status", "PUBLISHED", "publishedAt", "2026-11-30T09:00")));
		String postHtml = this.mvc.perform(get("/blog/engineering/media-test-public")).andReturn().getResponse()
			.getContentAsString();
		Document post = Jsoup.parse(postHtml);
		// kept for the Nu Html Checker, run by hand (PageValidityTests checks the demo site's pages)
		java.nio.file.Path pages = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "media-html"));
		java.nio.file.Files.writeString(pages.resolve("post.html"), postHtml);
		java.nio.file.Files.writeString(pages.resolve("media.html"), page("/admin/media").outerHtml());
		java.nio.file.Files.writeString(pages.resolve("post-form.html"), page("/admin/posts/new").outerHtml());
		Element image = post.selectFirst(".post-media img");
		assertThat(image.attr("src")).isEqualTo("/media/" + hash + "-800x533.jpg");
		assertThat(image.attr("srcset")).isEqualTo("/media/" + hash + "-400x267.jpg 400w, /media/" + hash
				+ "-800x533.jpg 800w, /media/" + hash + "-1200x800.jpg 1200w, /media/" + hash + "-1500x1000.jpg 1500w");
		assertThat(image.attr("sizes")).isNotEmpty();
		assertThat(image.attr("width")).isEqualTo("800");
		assertThat(image.attr("height")).isEqualTo("533");
		assertThat(image.attr("alt")).isEqualTo("A cover");
		assertThat(image.hasAttr("loading")).as("the post's image is its largest content: not lazy").isFalse();
		assertThat(image.attr("fetchpriority")).isEqualTo("high");
		for (String src : image.attr("srcset").split(", ")) {
			assertThat(RawHttp.get(this.port, src.split(" ")[0]).status()).as(src).isEqualTo(200);
		}

		Document listing = Jsoup.parse(this.mvc.perform(get("/blog/engineering")).andReturn().getResponse()
			.getContentAsString());
		Element card = listing.select(".card").stream()
			.filter((element) -> element.select(".card-title").text().equals("Media Test Post"))
			.findFirst().orElseThrow();
		Element cardImage = card.selectFirst(".card-media img");
		assertThat(cardImage.attr("srcset")).contains(hash + "-400x267.jpg 400w");
		assertThat(cardImage.attr("sizes")).contains("100vw");
		assertThat(cardImage.attr("width")).isEqualTo("800");
		List<Element> cards = listing.select(".card");
		for (int i = 0; i < cards.size(); i++) {
			Element img = cards.get(i).selectFirst(".card-media img");
			if (img != null) {
				assertThat(img.attr("loading")).as("card " + i + ": the first row is on the first screen")
					.isEqualTo(i < 3 ? "" : "lazy");
			}
		}
		assertThat(cards.get(0).select(".card-title").text()).isEqualTo("Media Test Post");

		// the home page: its newest posts come first, their first row on the first screen
		Document home = Jsoup.parse(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
		List<Element> newest = home.select(".card-grid").get(0).select(".card");
		assertThat(newest.get(0).select(".card-title").text()).isEqualTo("Media Test Post");
		for (int i = 0; i < newest.size(); i++) {
			Element img = newest.get(i).selectFirst(".card-media img");
			if (img != null) {
				assertThat(img.attr("loading")).as("newest post " + i).isEqualTo(i < 3 ? "" : "lazy");
			}
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (var in = MediaUploadTests.class.getResourceAsStream("/media/" + name)) {
			return in.readAllBytes();
		}
	}

	private MvcResult upload(String path, String name, String type, byte[] bytes) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", name, type, bytes);
		MockMultipartHttpServletRequestBuilder request = multipart(path).file(file);
		return this.mvc.perform(request.with(Uploads.length(bytes)).with(csrf()).with(user("mira").roles("EDITOR")))
			.andReturn();
	}

	private MvcResult delete(long id) throws Exception {
		return this.mvc.perform(post("/admin/media/" + id + "/delete").param("confirm", "true").with(csrf())
			.with(user("mira").roles("EDITOR"))).andReturn();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder savePost(String slug,
			String imageUrl, String alt) {
		return PostFormFields.post("/admin/posts/new", "mira", fields(slug, imageUrl, alt));
	}

	private Map<String, String> fields(String slug, String imageUrl, String alt) {
		long category = this.jdbc.sql("select id from category where slug = 'engineering'").query(Long.class).single();
		long author = this.jdbc.sql("select id from author order by id limit 1").query(Long.class).single();
		return PostFormFields.with(PostFormFields.draft(category, author), "title", "Media Test Post", "slug", slug,
				"imageUrl", imageUrl, "imageAlt", alt);
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user("mira").roles("EDITOR"))).andReturn().getResponse()
			.getContentAsString());
	}

	private static Element item(Document page, String fileName) {
		return page.select(".media-item").stream()
			.filter((element) -> element.select(".media-name").text().equals(fileName))
			.findFirst().orElseThrow();
	}

	private List<Map<String, Object>> variants(String hash) {
		return this.jdbc.sql("""
				select v.width, v.height, v.bytes from media_variant v join media m on m.id = v.media_id
				where m.hash = :hash order by v.width""").param("hash", hash).query().listOfRows();
	}

	private long id(String fileName) {
		return this.jdbc.sql("select id from media where file_name = :name").param("name", fileName).query(Long.class)
			.single();
	}

	private String hash(String fileName) {
		return this.jdbc.sql("select hash from media where file_name = :name").param("name", fileName)
			.query(String.class).single();
	}

	private long[] counts() {
		return new long[] { this.jdbc.sql("select count(*) from media").query(Long.class).single(),
				this.jdbc.sql("select count(*) from media_variant").query(Long.class).single() };
	}

}
