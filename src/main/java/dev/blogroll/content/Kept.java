package dev.blogroll.content;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;

import org.jspecify.annotations.Nullable;

import dev.blogroll.content.ContentVersion.Snapshot;

/**
 * Values worked out from the content and kept in memory until it changes: rendered pages,
 * the site's navigation, listing counts. A value is served only at the state of the content
 * ({@link Snapshot}) it was worked out at; the first request that sees another state starts
 * the store again from empty, so an editor's change shows on the next request, on every
 * instance.
 * <p>
 * The store is bounded in bytes, keys included, as its owner weighs them: the least recently
 * used values go first, and a value weighing more than a quarter of the budget is not kept.
 * Keys should come from what the database resolved (an id, a listing) or be bounded in
 * length by the caller, since the weight of a key is part of the budget.
 * <p>
 * Created by {@link ContentVersion#keeper}.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class Kept<K, V> {

	private final ContentVersion contentVersion;

	private final long maxBytes;

	private final ToLongBiFunction<? super K, ? super V> weigher;

	/** Guarded by {@code this}. */
	private Generation<K, V> generation = new Generation<>(null);

	/** Values dropped to stay within the budget, and because the content changed; guarded by {@code this}. */
	private long evictedForSize;

	private long droppedForChange;

	Kept(ContentVersion contentVersion, long maxBytes, ToLongBiFunction<? super K, ? super V> weigher) {
		this.contentVersion = contentVersion;
		this.maxBytes = maxBytes;
		this.weigher = weigher;
	}

	/**
	 * The value for {@code key} at the state of the content the current request sees, loaded
	 * and kept if there is none yet.
	 */
	public V get(K key, Function<? super K, ? extends V> load) {
		Snapshot now = this.contentVersion.current();
		V value = get(now, key);
		if (value == null) {
			// loaded outside the lock: a slow statement must not hold requests for other keys
			value = load.apply(key);
			put(now, key, value);
		}
		return value;
	}

	/** The value kept for {@code key} at {@code state}, if there is one. */
	public synchronized @Nullable V get(Snapshot state, K key) {
		if (!state.equals(this.generation.state())) {
			return null;
		}
		Weighed<V> kept = this.generation.values().get(key);
		return (kept != null) ? kept.value() : null;
	}

	/** Keeps {@code value}, worked out at {@code state}, unless it is too heavy. */
	public synchronized void put(Snapshot state, K key, V value) {
		long weight = this.weigher.applyAsLong(key, value);
		if (weight > this.maxBytes / 4) {
			return;
		}
		if (!state.equals(this.generation.state())) {
			this.droppedForChange += this.generation.values().size();
			this.generation = new Generation<>(state);
		}
		Generation<K, V> current = this.generation;
		Weighed<V> old = current.values().put(key, new Weighed<>(value, weight));
		current.bytes += weight - ((old != null) ? old.weight() : 0);
		Iterator<Weighed<V>> eldest = current.values().values().iterator();
		while (current.bytes > this.maxBytes && eldest.hasNext()) {
			current.bytes -= eldest.next().weight();
			eldest.remove();
			this.evictedForSize++;
		}
	}

	/** What the kept values and their keys weigh, as their owner counts it. */
	public synchronized long bytes() {
		return this.generation.bytes;
	}

	/** How many values are kept. */
	public synchronized int size() {
		return this.generation.values().size();
	}

	/** How many values were dropped, least recently used first, to stay within the budget. */
	public synchronized long evictedForSize() {
		return this.evictedForSize;
	}

	/** How many values were dropped because the content changed. */
	public synchronized long droppedForChange() {
		return this.droppedForChange;
	}

	private record Weighed<V>(V value, long weight) {
	}

	/** The values kept at one state of the content, least recently used first. */
	private static final class Generation<K, V> {

		private final @Nullable Snapshot state;

		private final Map<K, Weighed<V>> values = new LinkedHashMap<>(64, 0.75f, true);

		private long bytes;

		Generation(@Nullable Snapshot state) {
			this.state = state;
		}

		@Nullable Snapshot state() {
			return this.state;
		}

		Map<K, Weighed<V>> values() {
			return this.values;
		}

	}

}
