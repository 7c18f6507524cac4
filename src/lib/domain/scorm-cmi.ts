/**
 * SCORM 1.2 run-time data (the CMI data model) as a Factdeck package writes it: time spans,
 * lesson status, and each question as an interaction with its type, the student's response
 * and the right one in SCORM 1.2's formats. Pure; the player hands these values to the
 * LMS's API.
 */
import type { Item } from './bank.ts';
import type { AnswerResponse, CheckResult } from './check-answer.ts';
import { readNumber } from './answer-match.ts';

/** SCORM 1.2 interaction types, by item kind. */
export const INTERACTION_TYPES = {
	single: 'choice',
	multi: 'choice',
	truefalse: 'true-false',
	typed: 'fill-in',
	numeric: 'numeric',
	ordering: 'sequencing',
	matching: 'matching'
} as const;

/** Longest CMIFeedback / CMIString255 value SCORM 1.2 allows. */
const MAX_FEEDBACK = 255;
/** Longest cmi.suspend_data (CMIString4096). */
export const MAX_SUSPEND_DATA = 4096;

/** A CMITimespan, `HH:MM:SS.SS` (hours with at least 2 and at most 4 digits). */
export function cmiTimespan(ms: number): string {
	const centis = Math.max(0, Math.round(ms / 10));
	const hours = Math.min(9999, Math.floor(centis / 360000));
	const minutes = Math.floor(centis / 6000) % 60;
	const seconds = (centis % 6000) / 100;
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	return `${pad(hours, 2)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** A CMITime (time of day), `HH:MM:SS`, in the student's local time. */
export function cmiTime(epochMs: number): string {
	const d = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The lesson status of a finished quiz: passed or failed against the mastery score (a
 * percentage), completed when there is none.
 */
export function finishedStatus(
	percent: number,
	masteryScore: number | null
): 'passed' | 'failed' | 'completed' {
	if (masteryScore === null) return 'completed';
	return percent >= masteryScore ? 'passed' : 'failed';
}

const letter = (index: number) => String.fromCharCode(97 + index);
const cut = (text: string) => [...text].slice(0, MAX_FEEDBACK).join('');

function field(response: AnswerResponse | null, name: string): unknown {
	return response ? (response as unknown as Record<string, unknown>)[name] : undefined;
}

/**
 * The student's response in SCORM 1.2's format for the interaction type: choice options as
 * letters in the item's option order (`a`, `a,c`), true-false `t` or `f`, fill-in the text
 * typed, numeric the number read, sequencing the entries' letters in the order given
 * (`b,a,c`), matching `left.right` pairs (`1.b,2.a`: left by position, right by letter).
 * An unanswered question gives ''.
 */
export function studentResponse(item: Item, response: AnswerResponse | null): string {
	switch (item.kind) {
		case 'single': {
			const i = item.options.indexOf(String(field(response, 'choice')));
			return i < 0 ? '' : letter(i);
		}
		case 'multi': {
			const picked = field(response, 'choices');
			const chosen = Array.isArray(picked) ? picked : [];
			return item.options
				.map((o, i) => (chosen.includes(o) ? letter(i) : ''))
				.filter(Boolean)
				.join(',');
		}
		case 'truefalse': {
			const value = field(response, 'value');
			return typeof value === 'boolean' ? (value ? 't' : 'f') : '';
		}
		case 'typed': {
			const text = field(response, 'text');
			return typeof text === 'string' ? cut(text.trim().replace(/\s+/g, ' ')) : '';
		}
		case 'numeric': {
			const text = field(response, 'text');
			const reading = readNumber(typeof text === 'string' ? text : '');
			return reading.status === 'number' ? String(reading.value) : '';
		}
		case 'ordering': {
			const order = field(response, 'order');
			if (!Array.isArray(order)) return '';
			return order
				.map((entry) => item.sequence.indexOf(entry))
				.filter((i) => i >= 0)
				.map(letter)
				.join(',');
		}
		case 'matching': {
			const pairs = field(response, 'pairs');
			if (typeof pairs !== 'object' || pairs === null) return '';
			const rights = item.pairs.map((p) => p.right);
			return item.pairs
				.map((p, i) => {
					const chosen = (pairs as Record<string, unknown>)[p.left];
					const r = typeof chosen === 'string' ? rights.indexOf(chosen) : -1;
					return r < 0 ? '' : `${i + 1}.${letter(r)}`;
				})
				.filter(Boolean)
				.join(',');
		}
	}
}

/** The right response in the same format (`cmi.interactions.n.correct_responses.0.pattern`). */
export function correctPattern(item: Item): string {
	switch (item.kind) {
		case 'single':
			return letter(item.options.indexOf(item.answer));
		case 'multi':
			return item.options
				.map((o, i) => (item.answers.includes(o) ? letter(i) : ''))
				.filter(Boolean)
				.join(',');
		case 'truefalse':
			return item.answer ? 't' : 'f';
		case 'typed':
			return cut(item.answer);
		case 'numeric':
			return String(item.answer);
		case 'ordering':
			return item.sequence.map((_, i) => letter(i)).join(',');
		case 'matching':
			return item.pairs.map((_, i) => `${i + 1}.${letter(i)}`).join(',');
	}
}

/** Everything one answered question writes under `cmi.interactions.n.`. */
export function interactionValues(
	item: Item,
	response: AnswerResponse | null,
	result: Pick<CheckResult, 'correct'>,
	ms: number,
	answeredAt: number
): Record<string, string> {
	return {
		id: item.id,
		type: INTERACTION_TYPES[item.kind],
		time: cmiTime(answeredAt),
		weighting: '1',
		'correct_responses.0.pattern': correctPattern(item),
		student_response: studentResponse(item, response),
		result: result.correct ? 'correct' : 'wrong',
		latency: cmiTimespan(ms)
	};
}
