import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidTimeZoneError, LocalCalendar } from '../../../src/lib/domain/calendar.ts';
import {
	StatsBuilder,
	addToDayStats,
	addToItemStats,
	buildStats,
	localDate,
	type DayStats,
	type ItemStats,
	type StatsEvent
} from '../../../src/lib/domain/stats.ts';
import { runs } from '../property-runs';

const at = (iso: string) => Date.parse(iso);

const ev = (itemId: string, iso: string, correct = true, learnerId = 'ana'): StatsEvent => ({
	learnerId,
	itemId,
	at: at(iso),
	correct
});

/** What adding the events one by one gives (the path of saveAnswer). */
function addAll(events: StatsEvent[], timeZone: string) {
	const calendar = new LocalCalendar(timeZone);
	const items = new Map<string, ItemStats>();
	const days = new Map<string, DayStats>();
	for (const e of events) {
		const itemKey = `${e.learnerId}/${e.itemId}`;
		items.set(itemKey, addToItemStats(items.get(itemKey), e));
		const date = localDate(e.at, calendar);
		const dayKey = `${e.learnerId}/${date}`;
		days.set(dayKey, addToDayStats(days.get(dayKey), e, date));
	}
	return { items, days };
}

describe('item aggregates', () => {
	it('count answers, right answers, the latest answer and the latest wrong one', () => {
		const first = addToItemStats(undefined, ev('a', '2026-03-20T10:00Z', false));
		expect(first).toEqual({
			learnerId: 'ana',
			itemId: 'a',
			answers: 1,
			correct: 0,
			lastAt: at('2026-03-20T10:00Z'),
			lastCorrect: false,
			lastWrongAt: at('2026-03-20T10:00Z')
		});
		const second = addToItemStats(first, ev('a', '2026-03-21T10:00Z'));
		expect(second).toEqual({
			...first,
			answers: 2,
			correct: 1,
			lastAt: at('2026-03-21T10:00Z'),
			lastCorrect: true
		});
		// An older answer arriving late changes the counts, not the latest answer.
		const third = addToItemStats(second, ev('a', '2026-03-19T10:00Z', false));
		expect(third).toMatchObject({ answers: 3, correct: 1, lastCorrect: true });
		expect(third.lastWrongAt).toBe(at('2026-03-20T10:00Z'));
		// Nothing passed in is changed.
		expect(first.answers).toBe(1);
		expect(second.answers).toBe(2);
	});

	it('starts with no wrong answer', () => {
		expect(addToItemStats(undefined, ev('a', '2026-03-20T10:00Z')).lastWrongAt).toBeNull();
	});

	it('lets a wrong answer win a tie for the latest time, whatever the order', () => {
		const right = ev('a', '2026-03-20T10:00Z');
		const wrong = ev('a', '2026-03-20T10:00Z', false);
		expect(addToItemStats(addToItemStats(undefined, right), wrong).lastCorrect).toBe(false);
		expect(addToItemStats(addToItemStats(undefined, wrong), right).lastCorrect).toBe(false);
	});
});

describe('day aggregates', () => {
	it('count answers and right answers on one date', () => {
		const one = addToDayStats(undefined, ev('a', '2026-03-20T10:00Z'), '2026-03-20');
		const two = addToDayStats(one, ev('b', '2026-03-20T11:00Z', false), '2026-03-20');
		expect(one).toEqual({ learnerId: 'ana', date: '2026-03-20', answers: 1, correct: 1 });
		expect(two).toEqual({ learnerId: 'ana', date: '2026-03-20', answers: 2, correct: 1 });
	});

	it('date answers on the local calendar, across a DST change and far east of UTC', () => {
		const paris = new LocalCalendar('Europe/Paris');
		expect(localDate(at('2026-03-23T23:30:00+01:00'), paris)).toBe('2026-03-23');
		expect(localDate(at('2026-03-24T00:30:00+01:00'), paris)).toBe('2026-03-24');
		expect(localDate(at('2026-03-29T03:30:00+02:00'), paris)).toBe('2026-03-29');
		const auckland = new LocalCalendar('Pacific/Auckland');
		// 11:30 UTC on 1 January is already 2 January in Auckland.
		expect(localDate(at('2026-01-01T11:30:00Z'), auckland)).toBe('2026-01-02');
	});
});

describe('buildStats', () => {
	it('folds several learners’ events into sorted records, skipping a time that is no number', () => {
		const stats = buildStats(
			[
				ev('b', '2026-03-24T00:30:00+01:00', false),
				ev('a', '2026-03-23T23:30:00+01:00'),
				ev('a', '2026-03-23T10:00:00+01:00', false, 'zoe'),
				{ learnerId: 'ana', itemId: 'a', at: Number.NaN, correct: true }
			],
			'Europe/Paris'
		);
		expect(stats.itemStats.map((s) => [s.learnerId, s.itemId, s.answers])).toEqual([
			['ana', 'a', 1],
			['ana', 'b', 1],
			['zoe', 'a', 1]
		]);
		expect(stats.dayStats).toEqual([
			{ learnerId: 'ana', date: '2026-03-23', answers: 1, correct: 1 },
			{ learnerId: 'ana', date: '2026-03-24', answers: 1, correct: 0 },
			{ learnerId: 'zoe', date: '2026-03-23', answers: 1, correct: 0 }
		]);
	});

	it('gives what adding the events one by one gives, in any order', () => {
		const eventArb = fc.record({
			learnerId: fc.constantFrom('ana', 'zoe'),
			itemId: fc.constantFrom('a', 'b', 'c'),
			// A few instants only, so that ties happen.
			at: fc.integer({ min: 0, max: 40 }).map((k) => at('2026-03-27T20:00Z') + k * 3_600_000),
			correct: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(eventArb, { maxLength: 50 }), (events) => {
				const built = buildStats(events, 'Europe/Paris');
				const added = addAll(events, 'Europe/Paris');
				expect(built.itemStats).toEqual(
					[...added.items.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s)
				);
				expect(built.dayStats).toEqual(
					[...added.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s)
				);
				expect(buildStats([...events].reverse(), 'Europe/Paris')).toEqual(built);
				const total = built.dayStats.reduce((n, d) => n + d.answers, 0);
				expect(total).toBe(events.length);
				expect(built.itemStats.reduce((n, s) => n + s.answers, 0)).toBe(events.length);
			}),
			{ seed: 77, numRuns: runs(200) }
		);
	});

	it('accumulates across calls to a builder (the upgrade reads events page by page)', () => {
		const events = [ev('a', '2026-03-20T10:00Z'), ev('a', '2026-03-21T10:00Z', false)];
		const builder = new StatsBuilder('UTC');
		builder.add(events[0]);
		builder.add(events[1]);
		expect(builder.result()).toEqual(buildStats(events, 'UTC'));
	});

	it('refuses an unknown time zone', () => {
		expect(() => buildStats([], 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
	});
});
