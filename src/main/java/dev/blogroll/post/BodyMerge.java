package dev.blogroll.post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * A three-way merge of a post's body, line by line (java-diff-utils): what the other save
 * changed and what this editor changed, each against the version the editor started from.
 * Where only one side changed a stretch of lines, that side's lines are taken; where both
 * changed the same or touching lines differently, both are kept between conflict markers for
 * the editor to resolve, as {@code git merge} does:
 * <pre>
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; yours
 * this editor's lines
 * =======
 * the other save's lines
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs
 * </pre>
 * Lines end in {@code \n} in the result, whatever the browser sent ({@code \r\n}).
 */
final class BodyMerge {

	static final String MINE_MARKER = "<<<<<<< yours";

	static final String SPLIT_MARKER = "=======";

	static final String THEIRS_MARKER = ">>>>>>> theirs";

	private BodyMerge() {
	}

	/**
	 * The merge.
	 *
	 * @param text the merged body
	 * @param conflicts how many stretches both sides changed differently (each between markers)
	 */
	record Result(String text, int conflicts) {
	}

	/** One side's change: base lines [start, end) become {@code lines}. */
	private record Change(boolean theirs, int start, int end, List<String> lines) {
	}

	static Result merge(String base, String theirs, String mine) {
		List<String> baseLines = lines(base);
		List<Change> changes = new ArrayList<>();
		changes(baseLines, lines(theirs), true, changes);
		changes(baseLines, lines(mine), false, changes);
		changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));
		List<String> out = new ArrayList<>();
		int conflicts = 0;
		int position = 0;
		int i = 0;
		while (i < changes.size()) {
			// a group: changes that overlap or touch, from either side
			int start = changes.get(i).start();
			int end = changes.get(i).end();
			int j = i + 1;
			while (j < changes.size() && changes.get(j).start() <= end) {
				end = Math.max(end, changes.get(j).end());
				j++;
			}
			List<Change> group = changes.subList(i, j);
			out.addAll(baseLines.subList(position, start));
			List<String> theirsVersion = apply(baseLines, start, end, group, true);
			List<String> mineVersion = apply(baseLines, start, end, group, false);
			boolean theirsChanged = group.stream().anyMatch(Change::theirs);
			boolean mineChanged = group.stream().anyMatch((change) -> !change.theirs());
			if (!mineChanged || theirsVersion.equals(mineVersion)) {
				out.addAll(theirsVersion);
			}
			else if (!theirsChanged) {
				out.addAll(mineVersion);
			}
			else {
				// lines both versions share at the start and the end stay outside the markers
				int head = 0;
				while (head < mineVersion.size() && head < theirsVersion.size()
						&& mineVersion.get(head).equals(theirsVersion.get(head))) {
					head++;
				}
				int tail = 0;
				while (tail < mineVersion.size() - head && tail < theirsVersion.size() - head && mineVersion
					.get(mineVersion.size() - 1 - tail).equals(theirsVersion.get(theirsVersion.size() - 1 - tail))) {
					tail++;
				}
				conflicts++;
				out.addAll(mineVersion.subList(0, head));
				out.add(MINE_MARKER);
				out.addAll(mineVersion.subList(head, mineVersion.size() - tail));
				out.add(SPLIT_MARKER);
				out.addAll(theirsVersion.subList(head, theirsVersion.size() - tail));
				out.add(THEIRS_MARKER);
				out.addAll(mineVersion.subList(mineVersion.size() - tail, mineVersion.size()));
			}
			position = end;
			i = j;
		}
		out.addAll(baseLines.subList(position, baseLines.size()));
		return new Result(String.join("\n", out), conflicts);
	}

	/** Whether a merged body still has a conflict marker line the editor has not resolved. */
	static boolean hasMarkers(String body) {
		return lines(body).stream()
			.anyMatch((line) -> line.equals(MINE_MARKER) || line.equals(THEIRS_MARKER));
	}

	private static void changes(List<String> base, List<String> side, boolean theirs, List<Change> into) {
		for (AbstractDelta<String> delta : DiffUtils.diff(base, side).getDeltas()) {
			int start = delta.getSource().getPosition();
			into.add(new Change(theirs, start, start + delta.getSource().size(), delta.getTarget().getLines()));
		}
	}

	/** Base lines [start, end) with one side's changes of the group applied. */
	private static List<String> apply(List<String> base, int start, int end, List<Change> group, boolean theirs) {
		List<String> result = new ArrayList<>();
		int position = start;
		for (Change change : group) {
			if (change.theirs() != theirs) {
				continue;
			}
			result.addAll(base.subList(position, change.start()));
			result.addAll(change.lines());
			position = change.end();
		}
		result.addAll(base.subList(position, end));
		return result;
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
	}

}
