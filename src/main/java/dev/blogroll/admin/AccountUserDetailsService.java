package dev.blogroll.admin;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs editors in from the {@code account} table. An admin has the editor role too.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = this.accounts.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No account " + username));
		List<SimpleGrantedAuthority> authorities = (account.getRole() == Role.ADMIN)
				? List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
						new SimpleGrantedAuthority(Role.EDITOR.authority()))
				: List.of(new SimpleGrantedAuthority(Role.EDITOR.authority()));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.authorities(authorities)
			.disabled(!account.isEnabled())
			.build();
	}

}
