/**
 * The class report as a CSV a gradebook or spreadsheet takes: one row per student (the
 * counted result), with each question's answer and whether it was right. Pure.
 */
import type { ClassReport } from './class-report.ts';

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The UTF-8 byte-order mark, so spreadsheet apps read accented names as UTF-8. */
export const BOM = '\uFEFF';

/** Longest prompt text in a question's header, in characters (an ellipsis marks a cut). */
export const HEADER_PROMPT_CHARS = 40;

/** A text cell: formula-looking text gets a leading apostrophe, then RFC 4180 quoting. */
function textCell(text: string): string {
	const safe = FORMULA_START.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** ISO 8601 in UTC; empty for a time that is not one. */
function isoInstant(t: number): string {
	const date = new Date(t);
	return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A prompt cut at a word boundary to `max` characters, with '…' when cut. */
export function shortPrompt(prompt: string, max = HEADER_PROMPT_CHARS): string {
	const flat = prompt.replace(/\s+/g, ' ').trim();
	const chars = [...flat];
	if (chars.length <= max) return flat;
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The report as RFC 4180 CSV, starting with a UTF-8 byte-order mark, CRLF line ends, a header
 * row, then one row per student in roster order. Columns:
 * - Student (the name on the counted result), Try (its try number), Results sent.
 * - Score (credits, 2 decimals at most), Out of, Percent (whole number).
 * - Time (s): finishedAt − startedAt in whole seconds. Finished (UTC): ISO 8601.
 * - Late, Altered (the score the student's app claimed differs from the re-score): yes or no.
 * - Per question, in set order, two columns: "Qn answer (id: short prompt)" with the answer
 *   as text, and "Qn right (id)" with right or wrong.
 * Text cells are guarded against formula injection with a leading apostrophe. Numbers are
 * plain (a point for decimals, no thousands separator).
 */
export function gradebookCsv(report: ClassReport, prompts: (itemId: string) => string): string {
	const header = [
		'Student',
		'Try',
		'Results sent',
		'Score',
		'Out of',
		'Percent',
		'Time (s)',
		'Finished (UTC)',
		'Late',
		'Altered',
		...report.itemIds.flatMap((id, i) => [
			`Q${i + 1} answer (${id}: ${shortPrompt(prompts(id))})`,
			`Q${i + 1} right (${id})`
		])
	];
	const lines = [header.map(textCell).join(',')];
	for (const row of report.roster) {
		lines.push(
			[
				textCell(row.name),
				String(row.countedTry),
				String(row.resultsSent),
				String(row.score),
				String(row.outOf),
				String(row.percent),
				String(Math.round(row.ms / 1000)),
				isoInstant(row.finishedAt),
				row.late ? 'yes' : 'no',
				row.scoreMismatch ? 'yes' : 'no',
				...report.itemIds.flatMap((_, i) => [
					textCell(row.answers[i] ?? ''),
					row.right[i] ? 'right' : 'wrong'
				])
			].join(',')
		);
	}
	return BOM + lines.map((line) => `${line}\r\n`).join('');
}
