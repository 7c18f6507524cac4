/**
 * The grade buttons' words: each grade's label and key, and the short interval labels of
 * `formatInterval` ("<1m", "10m", "3d", "1.5mo", "2y") spelt out for screen readers.
 */
import { GRADES, type Grade } from '$lib/domain/records';

export interface GradeChoice {
	grade: Grade;
	label: string;
	/** The number key that gives this grade: 1 to 4. */
	key: string;
}

const LABELS: Record<Grade, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** Again, Hard, Good, Easy, on keys 1 to 4. */
export const GRADE_CHOICES: readonly GradeChoice[] = GRADES.map((grade, i) => ({
	grade,
	label: LABELS[grade],
	key: String(i + 1)
}));

const UNITS: Record<string, string> = {
	s: 'second',
	m: 'minute',
	min: 'minute',
	h: 'hour',
	d: 'day',
	w: 'week',
	mo: 'month',
	y: 'year'
};

/**
 * "1m" -> "1 minute", "3d" -> "3 days", "1.5mo" -> "1.5 months", "<1m" -> "less than 1
 * minute". A label it does not know comes back as it is (trimmed), so nothing is ever lost.
 */
export function spellInterval(short: string): string {
	const match = /^(<)?\s*(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(short.trim());
	const unit = match ? UNITS[match[3]] : undefined;
	if (!match || !unit) return short.trim();
	const [, under, amount] = match;
	const spelt = `${amount} ${unit}${Number(amount) === 1 ? '' : 's'}`;
	return under ? `less than ${spelt}` : spelt;
}

/** The button's accessible name: "Again, next in 1 minute", or just "Again" without a label. */
export function gradeName(label: string, interval: string): string {
	const spelt = spellInterval(interval);
	return spelt ? `${label}, next in ${spelt}` : label;
}
