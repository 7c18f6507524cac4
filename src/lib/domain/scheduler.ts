/**
 * Flashcard scheduling: a thin wrapper over ts-fsrs (FSRS-6), which does all the arithmetic.
 * This module only converts between the app's stored shape (CardMemory: epoch ms, state as a
 * word, camelCase) and ts-fsrs's `Card` (Dates, numeric `State`, snake_case), and maps the
 * app's grade words to ts-fsrs's `Rating`. The clock is always passed in (`now`, epoch ms).
 *
 * Fuzz: ts-fsrs can spread long intervals a little (a few percent, only for intervals of
 * 2.5 days or more) so cards learnt together do not stay together for ever. ts-fsrs 5.x turns
 * it OFF by default (`default_enable_fuzz = false`), so `createScheduler()` turns it ON
 * explicitly: the app uses fuzz. Tests call `createScheduler({ fuzz: false })` so intervals
 * are FSRS's exact ones. Fuzz is still deterministic: ts-fsrs seeds it from the review time,
 * the card's repetitions and its memory state, so `preview()` and `grade()` at the same `now`
 * agree, and grading the same memory at the same instant twice gives the same result.
 */
import {
	Rating,
	State,
	createEmptyCard,
	fsrs,
	generatorParameters,
	type Card,
	type Grade as FsrsGrade
} from 'ts-fsrs';
import { DAY_MS, HOUR_MS } from './calendar.ts';
import { GRADES, type CardMemory, type CardState, type Grade } from './records.ts';

const RATINGS: Record<Grade, FsrsGrade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

const TO_STATE: Record<CardState, State> = {
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning
};

const FROM_STATE: Record<State, CardState> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};

/** The ts-fsrs card for a stored memory (new Date objects: the memory is not shared). */
export function toFsrsCard(memory: CardMemory): Card {
	const card: Card = {
		due: new Date(memory.due),
		stability: memory.stability,
		difficulty: memory.difficulty,
		elapsed_days: memory.elapsedDays,
		scheduled_days: memory.scheduledDays,
		learning_steps: memory.learningSteps,
		reps: memory.reps,
		lapses: memory.lapses,
		state: TO_STATE[memory.state]
	};
	if (memory.lastReview !== undefined) card.last_review = new Date(memory.lastReview);
	return card;
}

/**
 * The stored memory for a ts-fsrs card. `lastReview` is left out (not set to undefined) when
 * the card has none, so the record stays clean for IndexedDB and JSON.
 * @throws RangeError when the card's state is not one of ts-fsrs's four.
 */
export function fromFsrsCard(card: Card): CardMemory {
	const state = FROM_STATE[card.state];
	if (state === undefined) throw new RangeError(`unknown ts-fsrs card state ${card.state}`);
	const memory: CardMemory = {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state
	};
	// ts-fsrs may hand back null here for cards it parsed from input.
	if (card.last_review != null) memory.lastReview = card.last_review.getTime();
	return memory;
}

const MINUTE_MS = 60_000;
const MONTH_MS = 30 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

/** The units a card interval is counted in. */
export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** A time until a card is due, rounded for people: `amount` `unit`s, or less than that. */
export interface Interval {
	amount: number;
	unit: IntervalUnit;
	/** Only under a minute: "less than 1 minute". */
	lessThan?: true;
}

/**
 * A duration rounded as the grade buttons show it (the words are `shortInterval` and
 * `spellInterval` in wording.ts: "10m", "3d", "1.5mo").
 *
 * The rule: under a minute (and zero or negative) is less than 1 minute; then the largest
 * unit that keeps the rounded value under its limit: minutes under 60 (1 to 59), hours under
 * 24 (1 to 23), days under 30 (1 to 29), months of 30 days under 12 (1, 1.5, 11.9), then
 * years of 365 days (1, 2.3, 100). Minutes, hours and days are whole numbers (rounded to the
 * nearest); months and years keep one decimal, dropped when it is 0. Rounding happens before
 * the limit test, so 59.6 minutes is 1 hour, not 60 minutes.
 * @throws RangeError when `ms` is not a finite number.
 */
export function formatInterval(ms: number): Interval {
	if (!Number.isFinite(ms)) throw new RangeError(`interval must be a finite number, not ${ms}`);
	if (ms < MINUTE_MS) return { amount: 1, unit: 'minute', lessThan: true };
	const minutes = Math.round(ms / MINUTE_MS);
	if (minutes < 60) return { amount: minutes, unit: 'minute' };
	const hours = Math.round(ms / HOUR_MS);
	if (hours < 24) return { amount: hours, unit: 'hour' };
	const days = Math.round(ms / DAY_MS);
	if (days < 30) return { amount: days, unit: 'day' };
	const months = Math.round((ms / MONTH_MS) * 10) / 10;
	if (months < 12) return { amount: months, unit: 'month' };
	return { amount: Math.round((ms / YEAR_MS) * 10) / 10, unit: 'year' };
}

/** What one grade would do to a card: its next memory, when it is due, and how long until then. */
export interface GradePreview {
	memory: CardMemory;
	due: number;
	/** `formatInterval(due - now)`. */
	interval: Interval;
}

export interface SchedulerOptions {
	/**
	 * Spread long intervals a little (ts-fsrs `enable_fuzz`). Default true: on in the app.
	 * Tests pass false. Note that ts-fsrs's own default is false; this wrapper's is true.
	 */
	fuzz?: boolean;
	/** The probability of recall FSRS aims for, in (0, 1]. Default 0.9 (ts-fsrs's). */
	requestRetention?: number;
}

export interface Scheduler {
	/** Whether this scheduler fuzzes intervals. */
	readonly fuzz: boolean;
	/** The memory of a card never graded, due at `now`. */
	newMemory(now: number): CardMemory;
	/** What each grade would give, graded at `now`. Same results as `grade()` at that `now`. */
	preview(memory: CardMemory, now: number): Record<Grade, GradePreview>;
	/**
	 * The memory after grading at `now`. The input is never changed, so undo is the caller
	 * keeping the previous memory (or record) and writing it back.
	 */
	grade(memory: CardMemory, grade: Grade, now: number): CardMemory;
}

function checkNow(now: number): void {
	if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`);
}

/**
 * A scheduler over one ts-fsrs instance. ts-fsrs's other parameters stay at their defaults
 * (FSRS-6 weights, learning steps 1m and 10m, relearning step 10m, maximum interval 100
 * years, short-term scheduling on).
 * @throws Error (from ts-fsrs) when `requestRetention` is outside (0, 1].
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
	const fuzz = options.fuzz ?? true;
	const f = fsrs(
		generatorParameters({
			enable_fuzz: fuzz,
			...(options.requestRetention === undefined
				? {}
				: { request_retention: options.requestRetention })
		})
	);
	return {
		fuzz,
		newMemory(now) {
			checkNow(now);
			return fromFsrsCard(createEmptyCard(new Date(now)));
		},
		preview(memory, now) {
			checkNow(now);
			const outcomes = f.repeat(toFsrsCard(memory), new Date(now));
			const result = {} as Record<Grade, GradePreview>;
			for (const grade of GRADES) {
				const next = fromFsrsCard(outcomes[RATINGS[grade]].card);
				result[grade] = { memory: next, due: next.due, interval: formatInterval(next.due - now) };
			}
			return result;
		},
		grade(memory, grade, now) {
			checkNow(now);
			const rating = RATINGS[grade];
			if (rating === undefined) throw new RangeError(`unknown grade "${grade}"`);
			return fromFsrsCard(f.next(toFsrsCard(memory), new Date(now), rating).card);
		}
	};
}
