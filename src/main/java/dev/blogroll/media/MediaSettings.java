package dev.blogroll.media;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an upload to the media library may be ({@code blogroll.media.*}).
 *
 * @param maxUploadSize the largest image file accepted, in bytes as uploaded; larger uploads
 * answer 413 before their body is read (by {@code web.RequestLimitsFilter}, from the length the
 * request says) and while it is read (a body longer than it said)
 * @param maxPixels the most pixels (width × height, as the file's header says) an image may
 * have; checked before decoding, so a small file claiming a huge image (a decompression bomb) is
 * refused without its pixels ever being allocated. 40 million pixels take 160 MB decoded, and
 * one image is decoded at a time per instance
 */
@Validated
@ConfigurationProperties("blogroll.media")
public record MediaSettings(@DefaultValue("10MB") @NotNull DataSize maxUploadSize,
		@DefaultValue("40000000") @Min(1) long maxPixels) {

	/** The path uploads are sent to, whose limit the request filter applies. */
	public static final String UPLOAD_PATH = "/admin/media";

	/** Room for a multipart body's boundaries, part headers and CSRF field around the file. */
	public DataSize maxRequestSize() {
		return DataSize.ofBytes(this.maxUploadSize.toBytes() + 64 * 1024);
	}

}
