package dev.blogroll.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who signed in through Blogroll's sign-in page: an account of the {@code account} table. Kept
 * in the session; {@link AccountCheckFilter} compares it with the table on every admin request,
 * so that what an admin takes away (the account, its role, its password) is taken away at once.
 */
class SignedInAccount extends User {

	private static final long serialVersionUID = 1L;

	/** A digest of the password hash signed in with: when the hash changes, the session ends. */
	private final String passwordFingerprint;

	SignedInAccount(Account account) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				authorities(account.getRole()));
		this.passwordFingerprint = fingerprint(account.getPasswordHash());
	}

	/** Whether the account's password is still the one this session signed in with. */
	boolean samePassword(Account account) {
		return this.passwordFingerprint.equals(fingerprint(account.getPasswordHash()));
	}

	static String fingerprint(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

	/** An admin has the editor role too. */
	static List<GrantedAuthority> authorities(Role role) {
		return (role == Role.ADMIN)
				? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
						new SimpleGrantedAuthority(Role.EDITOR.authority()))
				: List.of(new SimpleGrantedAuthority(Role.EDITOR.authority()));
	}

	/** Whether these authorities are exactly what the role grants. */
	static boolean grants(Role role, Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).sorted().toList()
			.equals(authorities(role).stream().map(GrantedAuthority::getAuthority).sorted().toList());
	}

}
