/**
 * The order in which choices are listed where nothing shuffles them: the paper worksheet and
 * its answer key, and the exports (GIFT, Anki, QTI, Moodle XML). The bank stores each item's
 * answer among its options (often first), so a fixed listing must say nothing about which
 * is right: options alphabetically, and an ordering's entries or a matching's right-hand
 * column alphabetically too, reversed when that would be the answer's own order. Pure, and
 * the same on every device (one collator, with a code-unit tie-break).
 */

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Alphabetical order, numbers by value ("2" before "10"); the same on every device. */
export function alphabetical(values: readonly string[]): string[] {
	return [...values].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Alphabetical, or reversed when that would be exactly `answer`'s order. */
export function notInAnswerOrder(values: readonly string[], answer: readonly string[]): string[] {
	const sorted = alphabetical(values);
	const same = sorted.length > 1 && sorted.every((value, i) => value === answer[i]);
	return same ? sorted.reverse() : sorted;
}
