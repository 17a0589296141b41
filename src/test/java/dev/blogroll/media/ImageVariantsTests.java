package dev.blogroll.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload becomes, without Spring: formats, sizes, limits. */
class ImageVariantsTests {

	private final ImageVariants images = new ImageVariants(new MediaSettings(DataSize.ofMegabytes(10), 40_000_000));

	/** A refusal as the English site words it (messages.properties). */
	private static String english(Throwable refusal) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		RefusedImageException refused = (RefusedImageException) refusal;
		return messages.getMessage(refused.code(), refused.args(), Locale.ENGLISH);
	}

	@Test
	void formatsAreKnownByTheirFirstBytesOnly() {
		assertThat(ImageFormat.sniff(TestImages.jpeg(10, 10))).contains(ImageFormat.JPEG);
		assertThat(ImageFormat.sniff(TestImages.png(10, 10))).contains(ImageFormat.PNG);
		assertThat(ImageFormat.sniff(TestImages.write(TestImages.picture(10, 10, false), "gif"))).contains(ImageFormat.GIF);
		assertThat(ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes())).contains(ImageFormat.WEBP);
		assertThat(ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEmpty();
		assertThat(ImageFormat.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
		assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
	}

	@Test
	void aGifBecomesAPngOfItsFirstFrame() {
		ImageVariants.Processed processed = this.images.process(TestImages.write(TestImages.picture(500, 100, false), "gif"));
		assertThat(processed.contentType()).isEqualTo("image/png");
		assertThat(processed.variants()).extracting(ImageVariants.Variant::width).containsExactly(400, 500);
	}

	@Test
	void webpIsKeptAsJpegWhenOpaqueAndAsPngWhenTransparent() throws Exception {
		try (var opaque = getClass().getResourceAsStream("/media/chromium-opaque.webp");
				var transparent = getClass().getResourceAsStream("/media/chromium-transparent.webp")) {
			assertThat(this.images.process(opaque.readAllBytes()).contentType()).isEqualTo("image/jpeg");
			assertThat(this.images.process(transparent.readAllBytes()).contentType()).isEqualTo("image/png");
		}
	}

	@Test
	void aSmallImageIsKeptAtItsOwnSizeOnly() {
		ImageVariants.Processed processed = this.images.process(TestImages.png(1, 1));
		assertThat(processed.variants()).extracting(ImageVariants.Variant::width).containsExactly(1);
		assertThat(processed.variants()).extracting(ImageVariants.Variant::height).containsExactly(1);
	}

	@Test
	void aLargePhotographIsReadSubsampledWithinFourMegapixelsAndIsTurnedUpright() {
		// 6000 × 4200 stored sideways (25 megapixels, 100 MB decoded whole): read as 2000 × 1400
		assertThat(ImageVariants.subsampling(6000, 4200)).isEqualTo(3);
		assertThat(ImageVariants.subsampling(4032, 3024)).isEqualTo(2);
		assertThat(ImageVariants.subsampling(2400, 5000)).isEqualTo(2);
		assertThat(ImageVariants.subsampling(2000, 2000)).isEqualTo(1);
		ImageVariants.Processed processed = this.images.process(TestImages.jpegWithExif(6000, 4200, 6));
		ImageVariants.Variant largest = processed.largest();
		assertThat(largest.width()).isEqualTo(1400);
		assertThat(largest.height()).isEqualTo(2000);
		BufferedImage upright = TestImages.read(largest.bytes());
		// turned 90° clockwise: the red block of the stored top left is now at the top right
		Color topRight = new Color(upright.getRGB(upright.getWidth() - 20, 20));
		Color topLeft = new Color(upright.getRGB(20, 20));
		assertThat(topRight.getRed()).isGreaterThan(200);
		assertThat(topRight.getGreen()).isLessThan(60);
		assertThat(topLeft.getRed()).isLessThan(200);
		assertThat(TestImages.contains(largest.bytes(), TestImages.CAMERA)).isFalse();
	}

	@Test
	void thePixelLimitIsTheHeadersCountAndOnePixelMoreIsRefused() {
		assertThatThrownBy(() -> this.images.process(TestImages.pngBomb(8000, 5001)))
			.isInstanceOf(RefusedImageException.class)
			.satisfies(refusal -> assertThat(english(refusal)).contains("40,008,000 pixels"));
		assertThatThrownBy(() -> this.images.process(TestImages.pngBomb(65_535, 65_535)))
			.isInstanceOf(RefusedImageException.class)
			.satisfies(refusal -> assertThat(english(refusal)).contains("4,294,836,225 pixels"));
	}

	@Test
	void aCmykJpegOrAnyOtherOddFileIsEitherReadOrRefusedInWords() throws Exception {
		BufferedImage gray = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(gray, "jpeg", out);
		assertThat(this.images.process(out.toByteArray()).contentType()).isEqualTo("image/jpeg");
		for (byte[] junk : List.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2 },
				"GIF89a\0\0\0\0".getBytes(), "RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes())) {
			assertThatThrownBy(() -> this.images.process(junk)).isInstanceOf(RefusedImageException.class)
				.satisfies(refusal -> assertThat(english(refusal)).contains("could not be read as one"));
		}
	}

	@Test
	void pagesGetEveryWidthFromTheAddressAlone() {
		LibraryImages library = new LibraryImages(new MediaSettings(DataSize.ofMegabytes(10), 40_000_000));
		String hash = "0123456789abcdef0123456789abcdef";
		LibraryImages.Responsive narrow = library.of("/media/" + hash + "-600x400.png");
		assertThat(narrow.srcset()).isEqualTo("/media/" + hash + "-400x267.png 400w, /media/" + hash + "-600x400.png 600w");
		assertThat(narrow.src()).isEqualTo("/media/" + hash + "-600x400.png");
		assertThat(narrow.width()).isEqualTo(600);
		assertThat(library.of("https://images.example/a.png")).isNull();
		assertThat(library.of("/media/" + hash + "-600x400.gif")).isNull();
		assertThat(library.of(null)).isNull();
		assertThat(MediaPaths.variants(2000, 1000)).extracting(MediaPaths.Size::width).containsExactly(400, 800, 1200, 1600, 2000);
		assertThat(MediaPaths.largest(4000, 3000)).isEqualTo(new MediaPaths.Size(2000, 1500));
	}

}
