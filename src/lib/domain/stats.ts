/**
 * Per-learner aggregates of the answer events: one record per item answered and one per local
 * day studied. Storage keeps them up to date in the same transaction as every answer, so the
 * dashboard and the smart quiz read O(items + days) records instead of every event.
 *
 * They are derived data: always what folding the learner's events gives (buildStats), never
 * exported in backups, rebuilt on import and on the database upgrade that introduced them.
 * Folding is order-independent (sums, maxima, and a tie rule for the latest answer), so adding
 * one event to the aggregates gives exactly what rebuilding them would.
 *
 * Pure: Intl (through calendar.ts) is the only platform API used.
 */
import type { AnswerEvent } from './records.ts';
import { LocalCalendar, isoDate } from './calendar.ts';

/** A learner's answers to one item. Stored only once the item has at least one answer. */
export interface ItemStats {
	learnerId: string;
	itemId: string;
	answers: number;
	correct: number;
	/** Time of the latest answer (epoch ms). */
	lastAt: number;
	/**
	 * Whether the latest answer was right. When several answers share the latest time, a wrong
	 * one among them counts as the latest, so the order events arrive in never matters.
	 */
	lastCorrect: boolean;
	/** Time of the latest wrong answer, or null when never wrong. */
	lastWrongAt: number | null;
}

/** A learner's answers on one local calendar day. Stored only for days with answers. */
export interface DayStats {
	learnerId: string;
	/** 'YYYY-MM-DD' in the device's time zone when the answer was recorded. */
	date: string;
	answers: number;
	correct: number;
}

/** What the aggregates read of an event; whole AnswerEvent objects fit. */
export type StatsEvent = Pick<AnswerEvent, 'learnerId' | 'itemId' | 'at' | 'correct'>;

export interface LearnerStats {
	/** Sorted by learner, then item id (the order of their IndexedDB keys). */
	itemStats: ItemStats[];
	/** Sorted by learner, then date. */
	dayStats: DayStats[];
}

/** Events whose time is not a finite number (a damaged record) count nowhere. */
export function countable(event: Pick<AnswerEvent, 'at'>): boolean {
	return Number.isFinite(event.at);
}

/** The local date ('YYYY-MM-DD') of an instant, in the calendar's time zone. */
export function localDate(at: number, calendar: LocalCalendar): string {
	return isoDate(calendar.dayOf(at));
}

function emptyItemStats(learnerId: string, itemId: string): ItemStats {
	return {
		learnerId,
		itemId,
		answers: 0,
		correct: 0,
		lastAt: -Infinity,
		lastCorrect: false,
		lastWrongAt: null
	};
}

/** Folds one answer into item figures, in place. */
function countItem(s: ItemStats, at: number, right: boolean): void {
	s.answers++;
	if (right) s.correct++;
	else if (s.lastWrongAt === null || at > s.lastWrongAt) s.lastWrongAt = at;
	if (at > s.lastAt) {
		s.lastAt = at;
		s.lastCorrect = right;
	} else if (at === s.lastAt && !right) {
		s.lastCorrect = false;
	}
}

/**
 * The item's figures with one more answer (a new object; `stats` is not changed). Call only
 * for a countable event of this learner and item.
 */
export function addToItemStats(stats: ItemStats | undefined, event: StatsEvent): ItemStats {
	const next = stats ? { ...stats } : emptyItemStats(event.learnerId, event.itemId);
	countItem(next, event.at, event.correct === true);
	return next;
}

/** The day's figures with one more answer given on `date` (a new object). */
export function addToDayStats(
	stats: DayStats | undefined,
	event: StatsEvent,
	date: string
): DayStats {
	const next = stats ? { ...stats } : { learnerId: event.learnerId, date, answers: 0, correct: 0 };
	next.answers++;
	if (event.correct === true) next.correct++;
	return next;
}

const byKey =
	<T>(key: (x: T) => [string, string]) =>
	(a: T, b: T) => {
		const [a1, a2] = key(a);
		const [b1, b2] = key(b);
		return a1 < b1 ? -1 : a1 > b1 ? 1 : a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
	};

/**
 * Accumulates aggregates over events added one at a time, for any number of learners (the
 * database upgrade reads events page by page). Mutates its own records only.
 */
export class StatsBuilder {
	readonly #calendar: LocalCalendar;
	/** learnerId -> itemId -> figures. */
	readonly #items = new Map<string, Map<string, ItemStats>>();
	/** learnerId -> date -> figures. */
	readonly #days = new Map<string, Map<string, DayStats>>();

	/** `timeZone`: the IANA zone whose calendar dates the days (InvalidTimeZoneError if unknown). */
	constructor(timeZone: string) {
		this.#calendar = new LocalCalendar(timeZone);
	}

	/** Adds one event; an event that is not countable is skipped. */
	add(event: StatsEvent): void {
		if (!countable(event)) return;
		const right = event.correct === true;
		const items = this.#learnerMap(this.#items, event.learnerId);
		let item = items.get(event.itemId);
		if (!item) items.set(event.itemId, (item = emptyItemStats(event.learnerId, event.itemId)));
		countItem(item, event.at, right);
		const date = localDate(event.at, this.#calendar);
		const days = this.#learnerMap(this.#days, event.learnerId);
		const day = days.get(date);
		if (day) {
			day.answers++;
			if (right) day.correct++;
		} else {
			days.set(date, { learnerId: event.learnerId, date, answers: 1, correct: right ? 1 : 0 });
		}
	}

	/** Everything added so far, in key order. */
	result(): LearnerStats {
		const flat = <T>(m: Map<string, Map<string, T>>) =>
			[...m.values()].flatMap((x) => [...x.values()]);
		return {
			itemStats: flat(this.#items).sort(byKey((s) => [s.learnerId, s.itemId])),
			dayStats: flat(this.#days).sort(byKey((s) => [s.learnerId, s.date]))
		};
	}

	#learnerMap<T>(m: Map<string, Map<string, T>>, learnerId: string): Map<string, T> {
		let inner = m.get(learnerId);
		if (!inner) m.set(learnerId, (inner = new Map()));
		return inner;
	}
}

/** The aggregates of a list of events, in any order, dating days in `timeZone`. */
export function buildStats(events: Iterable<StatsEvent>, timeZone: string): LearnerStats {
	const builder = new StatsBuilder(timeZone);
	for (const event of events) builder.add(event);
	return builder.result();
}
