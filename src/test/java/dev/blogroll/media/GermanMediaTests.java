package dev.blogroll.media;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.blogroll.BlogrollTest;
import dev.blogroll.MutableSiteLocale;
import dev.blogroll.Uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * An upload refused or taken, worded in the site's language on the media page and in the
 * picker's JSON (numbers written as German writes them), unchanged on an English site.
 */
@BlogrollTest
class GermanMediaTests {

	@Autowired
	private MutableSiteLocale siteLocale;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void removeTestImages() {
		this.jdbc.sql("delete from media where uploaded_by = 'greta'").update();
	}

	@Test
	void refusalsAndTheUploadedMessageAreGermanOnAGermanSite() throws Exception {
		this.siteLocale.use(Locale.GERMAN);
		MockHttpServletResponse notImage = upload("/admin/media", "notes.png", "Nur Notizen.\n".getBytes());
		assertThat(notImage.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(notImage.getContentAsString()).select(".flash-error").text()).isEqualTo(
				"Diese Datei ist kein JPEG-, PNG-, WebP- oder GIF-Bild (was auch immer ihr Name sagt) und wurde daher nicht hochgeladen.");

		MockHttpServletResponse bomb = upload("/admin/media", "bomb.png", TestImages.pngBomb(50_000, 50_000));
		assertThat(bomb.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(bomb.getContentAsString()).select(".flash-error").text()).isEqualTo(
				"Dieses Bild hat 2.500.000.000 Pixel; die Mediathek nimmt Bilder von höchstens 40.000.000 Pixeln "
						+ "(etwa 40 Megapixel). Verkleinern Sie es zuerst.");

		MockHttpServletResponse cut = upload("/admin/media/upload", "cut.gif", "GIF89a\0\0\0\0".getBytes());
		assertThat(cut.getStatus()).isEqualTo(400);
		assertThat(cut.getContentAsString()).contains("\"error\":\"Diese Datei beginnt wie ein GIF-Bild")
			.doesNotContain("could not be read");

		MockHttpServletResponse taken = upload("/admin/media/upload", "grafik.png", TestImages.png(640, 480));
		assertThat(taken.getStatus()).isEqualTo(200);
		assertThat(taken.getContentAsString()).contains("\"message\":\"grafik.png wurde hochgeladen (640 × 480).\"");
	}

	@Test
	void anEnglishSiteKeepsItsWords() throws Exception {
		MockHttpServletResponse bomb = upload("/admin/media", "bomb.png", TestImages.pngBomb(50_000, 50_000));
		assertThat(Jsoup.parse(bomb.getContentAsString()).select(".flash-error").text()).isEqualTo(
				"This image has 2,500,000,000 pixels; the library takes images of at most 40,000,000 pixels "
						+ "(about 40 megapixels). Scale it down first.");
		MockHttpServletResponse none = upload("/admin/media", "", new byte[0]);
		assertThat(Jsoup.parse(none.getContentAsString()).select(".flash-error").text())
			.isEqualTo("Choose an image file to upload.");
	}

	private MockHttpServletResponse upload(String path, String name, byte[] bytes) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", name, "image/png", bytes);
		MockHttpServletResponse response = this.mvc
			.perform(multipart(path).file(file).with(Uploads.length(bytes)).with(csrf()).with(user("greta").roles("EDITOR")))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

}
