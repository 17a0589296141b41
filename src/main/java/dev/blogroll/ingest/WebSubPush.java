package dev.blogroll.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * What a hub's push must be to count (W3C WebSub, section 8): a body of bounded size, signed in
 * {@code X-Hub-Signature} with the subscription's secret.
 */
final class WebSubPush {

	private WebSubPush() {
	}

	/** Whether {@code header} ("sha256=hex…") is the HMAC of the body with the secret. */
	static boolean signedWith(String secret, String header, byte[] body) {
		int equals = header.indexOf('=');
		if (equals < 0) {
			return false;
		}
		String algorithm = switch (header.substring(0, equals).strip().toLowerCase(Locale.ROOT)) {
			case "sha1" -> "HmacSHA1";
			case "sha256" -> "HmacSHA256";
			case "sha384" -> "HmacSHA384";
			case "sha512" -> "HmacSHA512";
			default -> null;
		};
		if (algorithm == null) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(equals + 1).strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return MessageDigest.isEqual(mac.doFinal(body), given);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** The body, or null when it is longer than {@code max}. */
	static byte @Nullable [] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		int read;
		while ((read = in.read(buffer)) != -1) {
			out.write(buffer, 0, read);
			if (out.size() > max) {
				return null;
			}
		}
		return out.toByteArray();
	}

}
