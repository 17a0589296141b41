package dev.blogroll.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into the variants the library keeps, or says in words why it cannot.
 * <ol>
 * <li>The format comes from the file's first bytes ({@link ImageFormat}).</li>
 * <li>The size comes from the header alone, before anything is decoded: an image of more than
 * {@code blogroll.media.max-pixels} is refused without its pixels ever being allocated (a
 * 40 KB PNG can claim 50,000 × 50,000 pixels, 10 GB decoded).</li>
 * <li>The image is decoded once (Thumbnailator, which turns it upright by its EXIF
 * orientation), then scaled to each width of {@link MediaPaths#variants} and encoded afresh:
 * nothing of the file but its pixels survives, so EXIF (camera, GPS position), XMP, ICC and
 * comments are gone. Photographs (JPEG, opaque WebP) become JPEG; PNG, GIF (the first frame)
 * and WebP with transparency become PNG.</li>
 * </ol>
 * One image is decoded at a time per instance, so that memory stays bounded whatever editors
 * upload at once; and an image of more than {@value #FULL_DECODE_PIXELS} pixels is decoded
 * subsampled (every second or third pixel of each row and column): a 12-megapixel phone photo
 * decoded whole and turned upright takes about 85 MB, more than the production heap (128 MB)
 * has free, and was seen to fail so. Read subsampled, a phone photo of 4032 × 3024 becomes
 * 2016 × 1512, which still gives every variant a screen needs (1512 wide when upright). Should
 * memory run out all the same, the upload is refused in words, and nothing is kept.
 */
@Component
class ImageVariants {

	private static final float JPEG_QUALITY = 0.85f;

	/** Above this many pixels an image is decoded subsampled (about 16 MB decoded at most). */
	static final long FULL_DECODE_PIXELS = 4_000_000;

	private final MediaSettings settings;

	private final Semaphore decoding = new Semaphore(1, true);

	ImageVariants(MediaSettings settings) {
		this.settings = settings;
		// the readers of the TwelveMonkeys jars (WebP): ImageIO looks for plugins once, with the
		// class loader it started with, which does not see the jars inside Boot's executable jar
		ImageIO.scanForPlugins();
	}

	/** What an upload became. */
	record Processed(String hash, String contentType, List<Variant> variants) {

		Variant largest() {
			return this.variants.get(this.variants.size() - 1);
		}

	}

	/** One width of an image, encoded. */
	record Variant(int width, int height, byte[] bytes) {
	}

	/**
	 * The variants of an uploaded file.
	 * @throws RefusedImageException if the file is not an image the library takes, with the reason's message key
	 */
	Processed process(byte[] bytes) {
		ImageFormat format = ImageFormat.sniff(bytes)
			.orElseThrow(() -> new RefusedImageException("admin.media.refused.notImage"));
		long pixels = headerPixels(bytes, format);
		if (pixels > this.settings.maxPixels()) {
			throw new RefusedImageException("admin.media.refused.tooManyPixels", pixels, this.settings.maxPixels(),
					Math.round(this.settings.maxPixels() / 1e6));
		}
		try {
			if (!this.decoding.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new RefusedImageException("admin.media.refused.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RefusedImageException("admin.media.refused.interrupted");
		}
		try {
			return encode(hash(bytes), format, decode(bytes, format));
		}
		catch (OutOfMemoryError ex) {
			// the pixels being worked on are garbage now; the rest of the server is not short of memory
			throw new RefusedImageException("admin.media.refused.outOfMemory", Math.round(pixels / 1e6));
		}
		finally {
			this.decoding.release();
		}
	}

	/** Width × height as the header says, without decoding a pixel. */
	private static long headerPixels(byte[] bytes, ImageFormat format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
			if (!readers.hasNext()) {
				throw new IllegalStateException("No ImageIO reader for " + format.label());
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					throw unreadable(format);
				}
				return width * height;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RefusedImageException refused) {
				throw refused;
			}
			throw unreadable(format);
		}
	}

	/** Every how many pixels of a row and a column a large image is read: enough to stay within {@link #FULL_DECODE_PIXELS}. */
	static int subsampling(long width, long height) {
		return Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / FULL_DECODE_PIXELS)));
	}

	private static BufferedImage decode(byte[] bytes, ImageFormat format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = ImageIO.getImageReadersByFormatName(format.label()).next();
			try {
				reader.setInput(in, true, false);
				int step = subsampling(reader.getWidth(0), reader.getHeight(0));
				if (step > 1) {
					ImageReadParam param = reader.getDefaultReadParam();
					param.setSourceSubsampling(step, step, 0, 0);
					BufferedImage image = reader.read(0, param);
					Orientation orientation = format == ImageFormat.JPEG ? ExifUtils.getExifOrientation(reader, 0) : null;
					return orientation == null ? image : ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(format);
		}
		try {
			return Thumbnails.of(new ByteArrayInputStream(bytes)).scale(1.0).useExifOrientation(true).asBufferedImage();
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(format);
		}
	}

	private static RefusedImageException unreadable(ImageFormat format) {
		return new RefusedImageException("admin.media.refused.unreadable", format.label());
	}

	private static Processed encode(String hash, ImageFormat format, BufferedImage image) {
		boolean jpeg = format == ImageFormat.JPEG || (format == ImageFormat.WEBP && !image.getColorModel().hasAlpha());
		MediaPaths.Size largest = MediaPaths.largest(image.getWidth(), image.getHeight());
		List<Variant> variants = new ArrayList<>();
		for (MediaPaths.Size size : MediaPaths.variants(largest.width(), largest.height())) {
			BufferedImage scaled = scale(image, size);
			variants.add(new Variant(size.width(), size.height(), jpeg ? jpeg(scaled) : png(scaled)));
		}
		return new Processed(hash, jpeg ? "image/jpeg" : "image/png", List.copyOf(variants));
	}

	private static BufferedImage scale(BufferedImage image, MediaPaths.Size size) {
		if (image.getWidth() == size.width() && image.getHeight() == size.height()) {
			return image;
		}
		try {
			return Thumbnails.of(image).forceSize(size.width(), size.height()).asBufferedImage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A baseline JPEG of the pixels alone (JFIF, no EXIF); transparency, if any, on white. */
	private static byte[] jpeg(BufferedImage image) {
		BufferedImage rgb = image;
		if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = rgb.createGraphics();
			graphics.drawImage(image, 0, 0, Color.WHITE, null);
			graphics.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The first 32 hex digits of the SHA-256 of the uploaded bytes. */
	static String hash(byte[] bytes) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
