/**
 * The SCORM package's quiz: what the package carries (the set and its questions), the
 * student's progress as saved in `cmi.suspend_data`, and the score. Pure; the player in
 * src/player/ drives it and talks to the LMS.
 */
import * as v from 'valibot';
import { LIMITS } from './assignment.ts';
import { assignmentQuestions, triesLeft } from './assignment-take.ts';
import { itemSchema, type Item } from './bank.ts';
import type { AnswerResponse } from './check-answer.ts';
import type { QuizQuestion } from './quiz.ts';
import { MAX_SUSPEND_DATA } from './scorm-cmi.ts';

/** The format of the package data this app writes; a player refuses a newer one. */
export const PACKAGE_FORMAT = 1;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const setDataSchema = v.strictObject({
	format: v.literal(PACKAGE_FORMAT),
	id: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
	revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
	title: v.pipe(text(LIMITS.titleChars), v.minLength(1)),
	instructions: text(LIMITS.instructionsChars),
	teacherName: text(LIMITS.teacherNameChars),
	mode: v.picklist(['practice', 'test']),
	shuffle: v.boolean(),
	showAnswers: v.boolean(),
	tries: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.maxTries)),
	masteryScore: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
	items: v.pipe(v.array(itemSchema), v.minLength(1), v.maxLength(LIMITS.maxItems)),
	/** The bank's names and terms when the package was made: typos near another are not forgiven. */
	vocabulary: v.array(v.string())
});

/** What a package carries: the set's settings and every question it asks, in its order. */
export type ScormSetData = v.InferOutput<typeof setDataSchema>;

/** The package data, validated whole; null when anything is off (an edited or newer package). */
export function parseSetData(raw: unknown): ScormSetData | null {
	const result = v.safeParse(setDataSchema, raw);
	return result.success ? result.output : null;
}

/** One answered question, as saved. */
export interface SavedAnswer {
	/** The response; dropped (null) only when suspend data would grow past its limit. */
	r: AnswerResponse | null;
	/** Credit from 0 to 1. */
	s: number;
	/** Time spent on it, milliseconds. */
	ms: number;
}

/** The student's progress, saved in `cmi.suspend_data` after every answer. */
export interface Progress {
	v: 1;
	/** Seed of this student's question and option order. */
	seed: number;
	/** 1 for the first try. */
	try: number;
	/** The question on screen (index into the questions), or the count when all are answered. */
	at: number;
	/** Per question in the order shown; null until answered. */
	answers: (SavedAnswer | null)[];
	/** The try was finished (score and status written). */
	done: boolean;
}

const savedSchema = v.strictObject({
	r: v.nullable(v.record(v.string(), v.unknown())),
	s: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
	ms: v.pipe(v.number(), v.minValue(0))
});

const progressSchema = v.strictObject({
	v: v.literal(1),
	seed: v.pipe(v.number(), v.integer()),
	try: v.pipe(v.number(), v.integer(), v.minValue(1)),
	at: v.pipe(v.number(), v.integer(), v.minValue(0)),
	answers: v.array(v.nullable(savedSchema)),
	done: v.boolean()
});

/** A fresh try. */
export function newProgress(seed: number, tryNumber: number, count: number): Progress {
	return { v: 1, seed, try: tryNumber, at: 0, answers: Array(count).fill(null), done: false };
}

/**
 * Progress read back from `cmi.suspend_data`; null when there is none or it does not fit
 * this package (then the student starts afresh).
 */
export function decodeProgress(data: string, set: ScormSetData): Progress | null {
	if (!data) return null;
	let raw: unknown;
	try {
		raw = JSON.parse(data);
	} catch {
		return null;
	}
	const result = v.safeParse(progressSchema, raw);
	if (!result.success) return null;
	const p = result.output as Progress;
	if (p.answers.length !== set.items.length || p.at > set.items.length) return null;
	return p;
}

/**
 * Progress as `cmi.suspend_data` (at most 4096 characters): JSON. When long typed answers
 * would pass the limit, the earliest answers' responses are dropped (their credit and time
 * stay, which is all the score needs).
 */
export function encodeProgress(progress: Progress): string {
	let out = JSON.stringify(progress);
	const answers = [...progress.answers];
	for (let i = 0; out.length > MAX_SUSPEND_DATA && i < answers.length; i++) {
		const a = answers[i];
		if (a?.r) {
			answers[i] = { ...a, r: null };
			out = JSON.stringify({ ...progress, answers });
		}
	}
	return out;
}

/** The questions as this student sees them (the teacher's order unless shuffled). */
export function packageQuestions(set: ScormSetData, seed: number): QuizQuestion[] {
	const byId = new Map(set.items.map((item) => [item.id, item]));
	return assignmentQuestions(
		{ itemIds: set.items.map((i) => i.id), shuffle: set.shuffle },
		(id) => byId.get(id),
		seed
	);
}

/** The items in the order of `questions`. */
export function itemsInOrder(set: ScormSetData, questions: readonly QuizQuestion[]): Item[] {
	const byId = new Map(set.items.map((item) => [item.id, item]));
	return questions.map((q) => byId.get(q.itemId)!);
}

/** Credits summed (matching gives part credit), 2 decimals. */
export function scoreOf(progress: Progress): number {
	const sum = progress.answers.reduce((total, a) => total + (a?.s ?? 0), 0);
	return Math.round(sum * 100) / 100;
}

/** The score as a whole percentage of the questions (what `cmi.core.score.raw` holds). */
export function percentOf(progress: Progress): number {
	const count = progress.answers.length;
	return count ? Math.round((scoreOf(progress) / count) * 100) : 0;
}

/** Tries left after this one (Infinity when the set allows any number). */
export function triesLeftAfter(set: ScormSetData, progress: Progress): number {
	return triesLeft(set, progress.try);
}
