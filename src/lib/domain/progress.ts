/**
 * The progress dashboard's numbers, computed from one learner's aggregates (stats.ts: one
 * record per item answered, one per local day studied) and cards: mastery per topic,
 * accuracy and its weekly trend, a 12-week heat map of study days, cards due over the next 14
 * days, the streak, the weakest items. The work is O(items + days + cards), whatever the
 * number of answers.
 *
 * Pure and deterministic: the caller passes `now` and the learner's IANA time zone. Days come
 * as the local dates the aggregates were recorded with; "today" and the due forecast use the
 * time zone, right across DST changes (calendar.ts). Weeks start on Monday. Rates are
 * fractions from 0 to 1, or null when there is nothing to divide.
 */
import type { AnswerEvent, CardRecord } from './records.ts';
import type { Item, Topic } from './bank.ts';
import { DAY_MS, LocalCalendar, dayOfIso, isoDate, mondayOf } from './calendar.ts';
import { buildStats, type DayStats, type ItemStats } from './stats.ts';

export const TREND_WEEKS = 8;
export const HEAT_MAP_WEEKS = 12;
export const FORECAST_DAYS = 14;
export const WEAKEST_LIMIT = 10;
/** Right answers an item needs, besides a right latest answer, to count as mastered. */
export const MASTERY_MIN_CORRECT = 2;

/** What the dashboard reads of each record; whole stored records fit. */
export type DashboardItemStats = Pick<
	ItemStats,
	'itemId' | 'answers' | 'correct' | 'lastAt' | 'lastCorrect' | 'lastWrongAt'
>;
export type DashboardDayStats = Pick<DayStats, 'date' | 'answers' | 'correct'>;
export type DashboardEvent = Pick<AnswerEvent, 'itemId' | 'at' | 'correct'>;
export type DashboardCard = Pick<CardRecord, 'itemId' | 'due'>;
export type DashboardItem = Pick<Item, 'id' | 'topic' | 'prompt'>;

/** Everything the dashboard needs besides the answers. */
export interface DashboardContext {
	/** That learner's cards. */
	cards: readonly DashboardCard[];
	/** The bank's items (retired items are not in it). */
	items: readonly DashboardItem[];
	topics: readonly Topic[];
	/** Epoch ms. */
	now: number;
	/** IANA time zone, e.g. 'Europe/Paris'. An unknown one throws InvalidTimeZoneError. */
	timeZone: string;
}

/** The dashboard's input as the app reads it: one learner's aggregates. */
export interface DashboardStatsInput extends DashboardContext {
	/** One record per item answered, in any order. */
	itemStats: readonly DashboardItemStats[];
	/** One record per local date with answers, in any order. */
	dayStats: readonly DashboardDayStats[];
}

/**
 * The same from raw answer events, in any order: they are folded into aggregates first
 * (buildStats, days dated in `timeZone`), which costs O(events). For scripts and checks that
 * start from events (scripts/bench-progress.ts); the app reads stored aggregates.
 */
export interface DashboardInput extends DashboardContext {
	events: readonly DashboardEvent[];
}

export interface TopicMastery {
	topic: string;
	name: string;
	/** Items of this topic in the bank. */
	items: number;
	/** Of those, items answered at least once. */
	seen: number;
	/** Of those, items mastered (see computeDashboard). */
	mastered: number;
	/** Answers given to this topic's items. */
	answers: number;
	/** Right answers / answers, or null when none. */
	accuracy: number | null;
}

export interface WeekAccuracy {
	/** The week's Monday, 'YYYY-MM-DD'. */
	weekStart: string;
	answers: number;
	correct: number;
	rate: number | null;
}

export interface Accuracy {
	answers: number;
	correct: number;
	rate: number | null;
	/** The last TREND_WEEKS local weeks, oldest first; the last one is the current week. */
	trend: WeekAccuracy[];
}

export interface DayCount {
	date: string;
	count: number;
}

export interface HeatMap {
	/** HEAT_MAP_WEEKS * 7 days from a Monday to the Sunday ending the current week, oldest first. */
	days: DayCount[];
	/** The highest count among `days` (0 when none). */
	max: number;
	/** Today's date: the days after it are still to come. */
	today: string;
}

export interface DueForecast {
	/** FORECAST_DAYS days from today; today's count includes overdue cards. */
	days: DayCount[];
	/** Cards due before today (already counted in today). */
	overdue: number;
	/** The highest count among `days`. */
	max: number;
	/** The learner's cards for items still in the bank, whenever they are due. */
	cards: number;
}

export interface Streak {
	/** Consecutive study days ending today, or yesterday when nothing is answered yet today. */
	current: number;
	longest: number;
	studiedToday: boolean;
}

export interface WeakItem {
	itemId: string;
	prompt: string;
	topic: string;
	answers: number;
	correct: number;
	rate: number;
	/** Time of the latest answer, epoch ms. */
	lastAt: number;
}

export interface Totals {
	answers: number;
	/** Local days with at least one answer. */
	studyDays: number;
	/** Items still in the bank that have been answered at least once. */
	itemsSeen: number;
}

export interface Dashboard {
	/** Today in the learner's time zone, 'YYYY-MM-DD'. */
	today: string;
	topicMastery: TopicMastery[];
	accuracy: Accuracy;
	heatMap: HeatMap;
	dueForecast: DueForecast;
	streak: Streak;
	weakest: WeakItem[];
	totals: Totals;
}

interface ItemTally {
	item: DashboardItem;
	answers: number;
	correct: number;
	lastAt: number;
	lastCorrect: boolean;
	/** -Infinity when never wrong. */
	lastWrongAt: number;
}

interface DayTally {
	answers: number;
	correct: number;
}

const rate = (correct: number, answers: number) => (answers > 0 ? correct / answers : null);

/** The mastery rule: see computeDashboard. */
function isMastered(t: ItemTally): boolean {
	return t.lastCorrect && t.correct >= MASTERY_MIN_CORRECT;
}

/**
 * Computes the whole dashboard. Rules:
 *
 * - **Mastered**: an item is mastered when its most recent answer was right and it has been
 *   answered right at least twice in all (MASTERY_MIN_CORRECT). When two answers share the
 *   latest time, a wrong one among them counts as the latest (so input order never matters).
 * - **Which answers count**: every event with a finite time counts towards overall accuracy,
 *   the trend, the heat map, the streak and `totals.answers`/`studyDays`, even for an item
 *   since retired from the bank (the learner did answer it): these figures add up the day
 *   aggregates. Per-item figures (mastery, weakest, `itemsSeen`) and the due forecast only
 *   consider items still in the bank, since those are the only ones the app can show again.
 * - **Days**: an answer counts on the local date its day aggregate holds, the date on the
 *   device's calendar when it was recorded (for `events` input: in `timeZone`).
 * - **Weakest**: items missed at least once and not mastered, ordered by lowest accuracy,
 *   then more wrong answers, then the most recent wrong answer, then item id; at most
 *   WEAKEST_LIMIT. An item never missed is not weak, however few times it was answered.
 * - **Due forecast**: a card counts on the local day of its `due` time; a card due before
 *   today counts in today (and in `overdue`); cards due after the FORECAST_DAYS window are
 *   left out of `days`.
 * - **Streak**: future-dated answers (a wrong device clock) count towards `longest` and the
 *   heat map, never towards `current`.
 */
export function computeDashboard(input: DashboardStatsInput | DashboardInput): Dashboard {
	const calendar = new LocalCalendar(input.timeZone);
	const today = calendar.dayOf(input.now);
	const { itemStats, dayStats } =
		'events' in input ? statsOfEvents(input.events, input.timeZone) : input;

	const tallies = new Map<string, ItemTally>();
	for (const item of input.items) {
		tallies.set(item.id, {
			item,
			answers: 0,
			correct: 0,
			lastAt: -Infinity,
			lastCorrect: false,
			lastWrongAt: -Infinity
		});
	}
	for (const s of itemStats) {
		const t = tallies.get(s.itemId);
		if (!t || !(s.answers > 0)) continue;
		t.answers = s.answers;
		t.correct = s.correct;
		t.lastAt = s.lastAt;
		t.lastCorrect = s.lastCorrect;
		t.lastWrongAt = s.lastWrongAt ?? -Infinity;
	}

	const days = new Map<number, DayTally>();
	let answers = 0;
	let correct = 0;
	for (const s of dayStats) {
		const day = dayOfIso(s.date);
		if (Number.isNaN(day) || !(s.answers > 0)) continue;
		answers += s.answers;
		correct += s.correct;
		const tally = days.get(day);
		if (tally) {
			// One record per date when stored; a merge keeps a hand-built input safe.
			tally.answers += s.answers;
			tally.correct += s.correct;
		} else {
			days.set(day, { answers: s.answers, correct: s.correct });
		}
	}

	const topicMastery = masteryByTopic(input.topics, tallies);
	const thisMonday = mondayOf(today);
	return {
		today: isoDate(today),
		topicMastery,
		accuracy: {
			answers,
			correct,
			rate: rate(correct, answers),
			trend: weeklyTrend(days, thisMonday)
		},
		heatMap: heatMap(days, thisMonday, today),
		dueForecast: dueForecast(input, calendar, today, tallies),
		streak: streak(days, today),
		weakest: weakest(tallies),
		totals: {
			answers,
			studyDays: days.size,
			itemsSeen: topicMastery.reduce((n, t) => n + t.seen, 0)
		}
	};
}

/** Events folded into one learner's aggregates (the learner id plays no part here). */
function statsOfEvents(events: readonly DashboardEvent[], timeZone: string) {
	return buildStats(
		events.map((e) => ({ learnerId: '', itemId: e.itemId, at: e.at, correct: e.correct })),
		timeZone
	);
}

function masteryByTopic(topics: readonly Topic[], tallies: Map<string, ItemTally>): TopicMastery[] {
	const byTopic = new Map<string, TopicMastery & { correct: number }>();
	for (const { id, name } of topics) {
		byTopic.set(id, {
			topic: id,
			name,
			items: 0,
			seen: 0,
			mastered: 0,
			answers: 0,
			correct: 0,
			accuracy: null
		});
	}
	for (const t of tallies.values()) {
		const row = byTopic.get(t.item.topic);
		if (!row) continue;
		row.items++;
		if (t.answers === 0) continue;
		row.seen++;
		row.answers += t.answers;
		row.correct += t.correct;
		if (isMastered(t)) row.mastered++;
	}
	return [...byTopic.values()].map(({ correct, ...row }) => ({
		...row,
		accuracy: rate(correct, row.answers)
	}));
}

function weeklyTrend(days: Map<number, DayTally>, thisMonday: number): WeekAccuracy[] {
	const weeks: WeekAccuracy[] = [];
	for (let w = TREND_WEEKS - 1; w >= 0; w--) {
		const start = thisMonday - 7 * w;
		let answers = 0;
		let correct = 0;
		for (let d = start; d < start + 7; d++) {
			const tally = days.get(d);
			if (!tally) continue;
			answers += tally.answers;
			correct += tally.correct;
		}
		weeks.push({ weekStart: isoDate(start), answers, correct, rate: rate(correct, answers) });
	}
	return weeks;
}

function heatMap(days: Map<number, DayTally>, thisMonday: number, today: number): HeatMap {
	const first = thisMonday - 7 * (HEAT_MAP_WEEKS - 1);
	const cells: DayCount[] = [];
	let max = 0;
	for (let d = first; d < thisMonday + 7; d++) {
		const count = days.get(d)?.answers ?? 0;
		if (count > max) max = count;
		cells.push({ date: isoDate(d), count });
	}
	return { days: cells, max, today: isoDate(today) };
}

function dueForecast(
	input: DashboardContext,
	calendar: LocalCalendar,
	today: number,
	tallies: Map<string, ItemTally>
): DueForecast {
	const counts = new Array<number>(FORECAST_DAYS).fill(0);
	let overdue = 0;
	let cards = 0;
	// Beyond this instant no card can fall inside the window (a day lasts at most 25 hours),
	// so far-off cards skip the day lookup.
	const horizon = input.now + (FORECAST_DAYS + 1) * DAY_MS;
	for (const card of input.cards) {
		if (!tallies.has(card.itemId)) continue;
		cards++;
		const due = card.due;
		if (!Number.isFinite(due) || due > horizon) continue;
		const offset = calendar.dayOf(due) - today;
		if (offset < 0) overdue++;
		if (offset < FORECAST_DAYS) counts[Math.max(0, offset)]++;
	}
	return {
		days: counts.map((count, i) => ({ date: isoDate(today + i), count })),
		overdue,
		max: Math.max(...counts),
		cards
	};
}

function streak(days: Map<number, DayTally>, today: number): Streak {
	const studiedToday = days.has(today);
	let current = 0;
	for (let d = studiedToday ? today : today - 1; days.has(d); d--) current++;
	const sorted = [...days.keys()].sort((a, b) => a - b);
	let longest = 0;
	let run = 0;
	for (let i = 0; i < sorted.length; i++) {
		run = i > 0 && sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
		if (run > longest) longest = run;
	}
	return { current, longest, studiedToday };
}

function weakest(tallies: Map<string, ItemTally>): WeakItem[] {
	const candidates: (ItemTally & { rate: number })[] = [];
	for (const t of tallies.values()) {
		if (t.answers > t.correct && !isMastered(t))
			candidates.push({ ...t, rate: t.correct / t.answers });
	}
	candidates.sort(
		(a, b) =>
			a.rate - b.rate ||
			b.answers - b.correct - (a.answers - a.correct) ||
			compareDesc(a.lastWrongAt, b.lastWrongAt) ||
			(a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0)
	);
	return candidates.slice(0, WEAKEST_LIMIT).map((t) => ({
		itemId: t.item.id,
		prompt: t.item.prompt,
		topic: t.item.topic,
		answers: t.answers,
		correct: t.correct,
		rate: t.rate,
		lastAt: t.lastAt
	}));
}

/** Larger first; safe with -Infinity (never wrong), where subtraction gives NaN. */
function compareDesc(a: number, b: number): number {
	return a > b ? -1 : a < b ? 1 : 0;
}
