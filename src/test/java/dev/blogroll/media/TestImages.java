package dev.blogroll.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Images for tests, made here in the shapes cameras and tools write them: a photograph with
 * EXIF (orientation, camera make, GPS position), a PNG, and a PNG whose header claims far more
 * pixels than its few bytes hold (a decompression bomb).
 */
final class TestImages {

	private TestImages() {
	}

	/** A gradient with a red block in the top left corner, so that a rotation shows. */
	static BufferedImage picture(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(240, 200, 60)));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
		graphics.dispose();
		return image;
	}

	static byte[] png(int width, int height) {
		return write(picture(width, height, true), "png");
	}

	static byte[] jpeg(int width, int height) {
		return write(picture(width, height, false), "jpeg");
	}

	static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The camera make the EXIF block names, to look for in what is served. */
	static final String CAMERA = "SpyCam GPS-9000";

	/**
	 * A JPEG as a phone writes it: the pixels stored sideways, an EXIF block (APP1) saying how to
	 * turn them ({@code orientation}: 6 is "rotate 90° clockwise"), the camera's make and a GPS
	 * position (52° 31′ N).
	 */
	static byte[] jpegWithExif(int width, int height, int orientation) {
		byte[] jpeg = jpeg(width, height);
		byte[] tiff = exif(orientation);
		ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
		app1.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
		// right after the start of image (FF D8), where cameras put it
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(app1.array(), 0, app1.capacity());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A big-endian TIFF structure: IFD0 (Make, Orientation, GPS IFD pointer), the GPS IFD, their data. */
	private static byte[] exif(int orientation) {
		byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.ISO_8859_1);
		int ifd0 = 8;
		int makeAt = ifd0 + 2 + 3 * 12 + 4;
		int gpsAt = makeAt + make.length;
		int latitudeAt = gpsAt + 2 + 2 * 12 + 4;
		ByteBuffer tiff = ByteBuffer.allocate(latitudeAt + 24);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
		tiff.putShort((short) 3);
		entry(tiff, 0x010F, 2, make.length, makeAt);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, gpsAt);
		tiff.putInt(0);
		tiff.put(make);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x0002, 5, 3, latitudeAt);
		tiff.putInt(0);
		tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1);
		return tiff.array();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	/**
	 * A valid PNG header claiming {@code width} × {@code height} RGB pixels, followed by a little
	 * compressed data (rows of zeros): a few kilobytes that would take gigabytes decoded.
	 */
	static byte[] pngBomb(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[1 << 20]);
		deflater.finish();
		byte[] compressed = new byte[64 * 1024];
		int length = deflater.deflate(compressed);
		byte[] idat = new byte[length];
		System.arraycopy(compressed, 0, idat, 0, length);
		chunk(out, "IDAT", idat);
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** Whether {@code text} occurs in the bytes (read as Latin-1, so any byte matches itself). */
	static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}

}
