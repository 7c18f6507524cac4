import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidTimeZoneError } from '../../../src/lib/domain/calendar.ts';
import {
	FORECAST_DAYS,
	HEAT_MAP_WEEKS,
	TREND_WEEKS,
	WEAKEST_LIMIT,
	computeDashboard,
	type DashboardCard,
	type DashboardContext,
	type DashboardEvent,
	type DashboardItem
} from '../../../src/lib/domain/progress.ts';
import { buildStats } from '../../../src/lib/domain/stats.ts';
import { runs } from '../property-runs';

const at = (iso: string) => Date.parse(iso);

const topics = [
	{ id: 'events', name: 'Events' },
	{ id: 'people', name: 'People' },
	{ id: 'places', name: 'Places' }
];

function item(id: string, topic = 'events'): DashboardItem {
	return { id, topic, prompt: `Prompt of ${id}?` };
}

const ev = (itemId: string, iso: string, correct = true): DashboardEvent => ({
	itemId,
	at: at(iso),
	correct
});

const card = (itemId: string, iso: string): DashboardCard => ({ itemId, due: at(iso) });

/** Paris, Wednesday 25 March 2026 at noon (UTC+1; DST starts on Sunday 29 March). */
const NOW = at('2026-03-25T12:00:00+01:00');

/** A scenario told as answers, with the context's defaults. */
interface Scenario extends Partial<DashboardContext> {
	events?: readonly DashboardEvent[];
}

function context(over: Partial<DashboardContext> = {}): DashboardContext {
	return {
		cards: [],
		items: [item('a'), item('b'), item('c'), item('d', 'people'), item('e', 'people')],
		topics,
		now: NOW,
		timeZone: 'Europe/Paris',
		...over
	};
}

/** Folds the answers into aggregates, as storage keeps them, and computes from those. */
function dashboard({ events = [], ...over }: Scenario = {}) {
	const input = context(over);
	const learnerEvents = events.map((e) => ({ learnerId: 'ana', ...e }));
	const { itemStats, dayStats } = buildStats(learnerEvents, input.timeZone);
	return computeDashboard({ ...input, itemStats, dayStats });
}

const countOn = (days: { date: string; count: number }[], date: string) =>
	days.find((d) => d.date === date)?.count;

describe('computeDashboard with no data yet', () => {
	it('returns zeros, nulls and full calendars rather than failing', () => {
		const d = dashboard();
		expect(d.today).toBe('2026-03-25');
		expect(d.accuracy).toMatchObject({ answers: 0, correct: 0, rate: null });
		expect(d.accuracy.trend).toHaveLength(TREND_WEEKS);
		expect(d.accuracy.trend.every((w) => w.answers === 0 && w.rate === null)).toBe(true);
		expect(d.heatMap.days).toHaveLength(HEAT_MAP_WEEKS * 7);
		expect(d.heatMap.max).toBe(0);
		expect(d.dueForecast).toMatchObject({ overdue: 0, max: 0, cards: 0 });
		expect(d.dueForecast.days).toHaveLength(FORECAST_DAYS);
		expect(d.streak).toEqual({ current: 0, longest: 0, studiedToday: false });
		expect(d.weakest).toEqual([]);
		expect(d.totals).toEqual({ answers: 0, studyDays: 0, itemsSeen: 0 });
		expect(d.topicMastery).toEqual([
			{
				topic: 'events',
				name: 'Events',
				items: 3,
				seen: 0,
				mastered: 0,
				answers: 0,
				accuracy: null
			},
			{
				topic: 'people',
				name: 'People',
				items: 2,
				seen: 0,
				mastered: 0,
				answers: 0,
				accuracy: null
			},
			{
				topic: 'places',
				name: 'Places',
				items: 0,
				seen: 0,
				mastered: 0,
				answers: 0,
				accuracy: null
			}
		]);
	});

	it('throws InvalidTimeZoneError for an unknown time zone', () => {
		const input = { ...context({ timeZone: 'Europe/Atlantis' }), itemStats: [], dayStats: [] };
		expect(() => computeDashboard(input)).toThrow(InvalidTimeZoneError);
	});
});

describe('mastery', () => {
	const mastered = (events: DashboardEvent[]) =>
		dashboard({ events }).topicMastery.find((t) => t.topic === 'events')!.mastered;

	it('needs two right answers in all and a right latest answer', () => {
		expect(mastered([ev('a', '2026-03-20T10:00Z'), ev('a', '2026-03-21T10:00Z')])).toBe(1);
		expect(
			mastered([
				ev('a', '2026-03-19T10:00Z'),
				ev('a', '2026-03-20T10:00Z', false),
				ev('a', '2026-03-21T10:00Z')
			])
		).toBe(1);
		expect(mastered([ev('a', '2026-03-20T10:00Z')])).toBe(0);
		expect(mastered([ev('a', '2026-03-20T10:00Z', false), ev('a', '2026-03-21T10:00Z')])).toBe(0);
		expect(
			mastered([
				ev('a', '2026-03-19T10:00Z'),
				ev('a', '2026-03-20T10:00Z'),
				ev('a', '2026-03-21T10:00Z', false)
			])
		).toBe(0);
	});

	it('goes by time, not by the order events arrive in', () => {
		expect(
			mastered([
				ev('a', '2026-03-21T10:00Z'),
				ev('a', '2026-03-20T10:00Z', false),
				ev('a', '2026-03-19T10:00Z')
			])
		).toBe(1);
		expect(
			mastered([
				ev('a', '2026-03-21T10:00Z', false),
				ev('a', '2026-03-20T10:00Z'),
				ev('a', '2026-03-19T10:00Z')
			])
		).toBe(0);
	});

	it('lets a wrong answer win a tie for the latest time, whatever the order', () => {
		const right = [ev('a', '2026-03-19T10:00Z'), ev('a', '2026-03-20T10:00Z')];
		const wrong = ev('a', '2026-03-20T10:00Z', false);
		expect(mastered([...right, wrong])).toBe(0);
		expect(mastered([wrong, ...right])).toBe(0);
	});

	it('counts per topic: items, seen, mastered, answers and accuracy', () => {
		const d = dashboard({
			events: [
				ev('a', '2026-03-20T10:00Z'),
				ev('a', '2026-03-21T10:00Z'),
				ev('b', '2026-03-21T11:00Z', false),
				ev('d', '2026-03-22T10:00Z'),
				ev('d', '2026-03-23T10:00Z', false),
				ev('d', '2026-03-24T10:00Z'),
				ev('d', '2026-03-24T11:00Z'),
				ev('retired-item', '2026-03-24T12:00Z')
			]
		});
		expect(
			d.topicMastery.map(({ topic, items, seen, mastered, answers, accuracy }) => ({
				topic,
				items,
				seen,
				mastered,
				answers,
				accuracy
			}))
		).toEqual([
			{ topic: 'events', items: 3, seen: 2, mastered: 1, answers: 3, accuracy: 2 / 3 },
			{ topic: 'people', items: 2, seen: 1, mastered: 1, answers: 4, accuracy: 3 / 4 },
			{ topic: 'places', items: 0, seen: 0, mastered: 0, answers: 0, accuracy: null }
		]);
		// The retired item's answer still happened: it counts overall, not per item.
		expect(d.accuracy).toMatchObject({ answers: 8, correct: 6, rate: 6 / 8 });
		expect(d.totals).toEqual({ answers: 8, studyDays: 5, itemsSeen: 3 });
	});
});

describe('local days', () => {
	it('puts 23:30 and 00:30 local time on two days', () => {
		const d = dashboard({
			events: [ev('a', '2026-03-23T23:30:00+01:00'), ev('b', '2026-03-24T00:30:00+01:00')]
		});
		expect(countOn(d.heatMap.days, '2026-03-23')).toBe(1);
		expect(countOn(d.heatMap.days, '2026-03-24')).toBe(1);
		expect(d.totals.studyDays).toBe(2);
		// Tuesday and Monday: nothing on Wednesday 25 yet, so the streak ends yesterday.
		expect(d.streak).toEqual({ current: 2, longest: 2, studiedToday: false });
	});

	it('keeps a week with a DST change whole in Europe/Paris', () => {
		// Tuesday 31 March 2026, after the change of Sunday 29 March (02:00 became 03:00).
		const now = at('2026-03-31T10:00:00+02:00');
		const d = dashboard({
			now,
			events: [
				ev('a', '2026-03-22T23:50:00+01:00'), // Sunday 22: the week before
				ev('a', '2026-03-23T00:10:00+01:00'), // Monday 23, just after midnight
				ev('b', '2026-03-29T01:30:00+01:00'), // Sunday 29, before the change
				ev('b', '2026-03-29T03:30:00+02:00', false), // Sunday 29, after it
				ev('c', '2026-03-29T23:30:00+02:00'), // Sunday 29, late
				ev('c', '2026-03-30T00:30:00+02:00', false) // Monday 30: this week
			]
		});
		const weeks = d.accuracy.trend.slice(-3);
		expect(weeks).toEqual([
			{ weekStart: '2026-03-16', answers: 1, correct: 1, rate: 1 },
			{ weekStart: '2026-03-23', answers: 4, correct: 3, rate: 3 / 4 },
			{ weekStart: '2026-03-30', answers: 1, correct: 0, rate: 0 }
		]);
		expect(countOn(d.heatMap.days, '2026-03-29')).toBe(3);
		expect(countOn(d.heatMap.days, '2026-03-30')).toBe(1);
		expect(d.heatMap.days.at(-7)!.date).toBe('2026-03-30');
		expect(d.streak).toEqual({ current: 2, longest: 2, studiedToday: false });
	});

	it('follows a learner in Pacific/Auckland, a day ahead of UTC', () => {
		// Friday 2 January 2026, 09:00 NZDT (UTC+13) is still 1 January in UTC.
		const now = at('2026-01-02T09:00:00+13:00');
		const d = dashboard({
			now,
			timeZone: 'Pacific/Auckland',
			events: [
				ev('a', '2025-12-31T22:00:00+13:00'),
				ev('a', '2026-01-01T23:30:00+13:00'), // 10:30 UTC on 1 January
				ev('b', '2026-01-02T00:30:00+13:00') // 11:30 UTC on 1 January
			],
			cards: [card('a', '2026-01-02T23:30:00+13:00'), card('b', '2026-01-03T00:30:00+13:00')]
		});
		expect(d.today).toBe('2026-01-02');
		expect(d.streak).toEqual({ current: 3, longest: 3, studiedToday: true });
		expect(d.heatMap.days.slice(-7).map((x) => [x.date, x.count])).toEqual([
			['2025-12-29', 0],
			['2025-12-30', 0],
			['2025-12-31', 1],
			['2026-01-01', 1],
			['2026-01-02', 1],
			['2026-01-03', 0],
			['2026-01-04', 0]
		]);
		expect(d.dueForecast.days.slice(0, 2)).toEqual([
			{ date: '2026-01-02', count: 1 },
			{ date: '2026-01-03', count: 1 }
		]);
	});
});

describe('accuracy trend and heat map', () => {
	it('gives 8 Monday weeks, oldest first, with gaps as null and older answers left out', () => {
		const d = dashboard({
			events: [
				ev('a', '2026-01-05T10:00Z'), // eleven weeks back: outside the trend
				ev('a', '2026-02-03T10:00Z', false),
				ev('b', '2026-02-04T10:00Z'),
				ev('c', '2026-03-25T08:00Z')
			]
		});
		const trend = d.accuracy.trend;
		expect(trend.map((w) => w.weekStart)).toEqual([
			'2026-02-02',
			'2026-02-09',
			'2026-02-16',
			'2026-02-23',
			'2026-03-02',
			'2026-03-09',
			'2026-03-16',
			'2026-03-23'
		]);
		expect(trend[0]).toEqual({ weekStart: '2026-02-02', answers: 2, correct: 1, rate: 0.5 });
		expect(trend.slice(1, 7).every((w) => w.answers === 0 && w.rate === null)).toBe(true);
		expect(trend[7]).toEqual({ weekStart: '2026-03-23', answers: 1, correct: 1, rate: 1 });
		expect(d.accuracy).toMatchObject({ answers: 4, correct: 3, rate: 0.75 });
	});

	it('covers 12 whole weeks ending with the current one, with consecutive dates', () => {
		const d = dashboard({
			events: [
				ev('a', '2026-01-05T10:00Z'), // Monday of the first week shown
				ev('a', '2026-01-04T10:00Z'), // the Sunday before: not shown
				ev('b', '2026-03-25T08:00Z'),
				ev('b', '2026-03-25T09:00Z'),
				ev('c', '2026-03-25T10:00Z')
			]
		});
		const days = d.heatMap.days;
		expect(days[0].date).toBe('2026-01-05');
		expect(days.at(-1)!.date).toBe('2026-03-29');
		for (let i = 1; i < days.length; i++) {
			expect(Date.parse(days[i].date) - Date.parse(days[i - 1].date)).toBe(86_400_000);
		}
		expect(days[0].count).toBe(1);
		expect(countOn(days, '2026-03-25')).toBe(3);
		expect(d.heatMap.max).toBe(3);
		expect(d.heatMap.today).toBe('2026-03-25');
		expect(days.reduce((n, x) => n + x.count, 0)).toBe(4);
	});
});

describe('due forecast', () => {
	it('counts 14 local days from today, overdue cards in today, bank items only', () => {
		const d = dashboard({
			cards: [
				card('a', '2026-03-20T09:00:00+01:00'), // overdue
				card('b', '2026-03-25T23:30:00+01:00'), // later today
				card('c', '2026-03-26T00:30:00+01:00'), // tomorrow, just after midnight
				card('d', '2026-03-29T23:30:00+02:00'), // Sunday of the DST change
				card('e', '2026-04-07T23:59:00+02:00'), // the 14th day
				card('a', '2026-04-08T00:01:00+02:00'), // the 15th day: outside
				card('b', '2027-01-01T00:00:00+01:00'), // far off
				card('retired-item', '2026-03-25T13:00:00+01:00')
			]
		});
		const f = d.dueForecast;
		expect(f.days.map((x) => x.date)).toEqual([
			'2026-03-25',
			'2026-03-26',
			'2026-03-27',
			'2026-03-28',
			'2026-03-29',
			'2026-03-30',
			'2026-03-31',
			'2026-04-01',
			'2026-04-02',
			'2026-04-03',
			'2026-04-04',
			'2026-04-05',
			'2026-04-06',
			'2026-04-07'
		]);
		expect(f.days.map((x) => x.count)).toEqual([2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
		expect(f).toMatchObject({ overdue: 1, max: 2, cards: 7 });
	});
});

describe('streak', () => {
	const streakOf = (dates: string[]) =>
		dashboard({ events: dates.map((date) => ev('a', `${date}T12:00:00+01:00`)) }).streak;

	it('counts consecutive days ending today, or yesterday when today has nothing yet', () => {
		expect(streakOf(['2026-03-23', '2026-03-24', '2026-03-25'])).toEqual({
			current: 3,
			longest: 3,
			studiedToday: true
		});
		expect(streakOf(['2026-03-23', '2026-03-24'])).toEqual({
			current: 2,
			longest: 2,
			studiedToday: false
		});
		expect(streakOf(['2026-03-22', '2026-03-23'])).toEqual({
			current: 0,
			longest: 2,
			studiedToday: false
		});
	});

	it('keeps the longest run ever, and several answers a day count as one day', () => {
		const s = streakOf([
			'2026-02-01',
			'2026-02-02',
			'2026-02-02',
			'2026-02-03',
			'2026-02-04',
			'2026-02-05',
			'2026-03-25',
			'2026-03-25'
		]);
		expect(s).toEqual({ current: 1, longest: 5, studiedToday: true });
	});
});

describe('weakest items', () => {
	it('lists only items missed at least once, by accuracy, then wrong answers, then the latest wrong answer', () => {
		const items = ['w1', 'w2', 'w3', 'w4', 'once', 'master', 'unseen'].map((id) => item(id));
		const d = dashboard({
			items,
			events: [
				ev('w1', '2026-03-10T10:00Z', false),
				ev('w1', '2026-03-11T10:00Z', false),
				ev('w3', '2026-03-12T10:00Z', false),
				ev('w2', '2026-03-13T10:00Z', false),
				ev('w4', '2026-03-14T10:00Z', false),
				ev('w4', '2026-03-15T10:00Z'),
				ev('once', '2026-03-16T10:00Z'),
				ev('master', '2026-03-16T10:00Z', false),
				ev('master', '2026-03-17T10:00Z'),
				ev('master', '2026-03-18T10:00Z')
			]
		});
		// 'once' was answered right its one time: never missed, so not weak.
		expect(d.weakest.map((w) => w.itemId)).toEqual(['w1', 'w2', 'w3', 'w4']);
		expect(d.weakest[3]).toEqual({
			itemId: 'w4',
			prompt: 'Prompt of w4?',
			topic: 'events',
			answers: 2,
			correct: 1,
			rate: 0.5,
			lastAt: at('2026-03-15T10:00Z')
		});
	});

	it('lists at most ten', () => {
		const items = Array.from({ length: 15 }, (_, i) => item(`x${String(i).padStart(2, '0')}`));
		const d = dashboard({
			items,
			events: items.map((x, i) => ({ itemId: x.id, at: NOW - i * 60_000, correct: false }))
		});
		expect(d.weakest).toHaveLength(WEAKEST_LIMIT);
		// All equal but the time: the most recently wrong first.
		expect(d.weakest.map((w) => w.itemId).slice(0, 3)).toEqual(['x00', 'x01', 'x02']);
	});
});

describe('robustness', () => {
	it('gives the same dashboard whatever the order of the events and cards', () => {
		const ids = ['a', 'b', 'c', 'd', 'e'];
		const eventArb = fc.record({
			itemId: fc.constantFrom(...ids, 'gone'),
			// Inside the heat map's 12 weeks, so every answer shows there.
			at: fc.integer({ min: NOW - 70 * 86_400_000, max: NOW }),
			correct: fc.boolean()
		});
		const cardArb = fc.record({
			itemId: fc.constantFrom(...ids),
			due: fc.integer({ min: NOW - 5 * 86_400_000, max: NOW + 20 * 86_400_000 })
		});
		fc.assert(
			fc.property(
				fc.array(eventArb, { maxLength: 60 }),
				fc.array(cardArb, { maxLength: 10 }),
				(events, cards) => {
					const forward = dashboard({ events, cards });
					const backward = dashboard({
						events: [...events].reverse(),
						cards: [...cards].reverse()
					});
					expect(backward).toEqual(forward);
					// The stored aggregates come in any order too.
					const stats = buildStats(
						events.map((e) => ({ learnerId: 'ana', ...e })),
						'Europe/Paris'
					);
					const shuffled = computeDashboard({
						...context({ cards }),
						itemStats: [...stats.itemStats].reverse(),
						dayStats: [...stats.dayStats].reverse()
					});
					expect(shuffled).toEqual(forward);
					expect(forward.totals.answers).toBe(events.length);
					expect(forward.heatMap.days.reduce((n, x) => n + x.count, 0)).toBe(events.length);
				}
			),
			{ seed: 4242, numRuns: runs(200) }
		);
	});

	it('gives the same dashboard from raw events as from their aggregates', () => {
		const eventArb = fc.record({
			itemId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'gone'),
			at: fc.integer({ min: NOW - 400 * 86_400_000, max: NOW + 3 * 86_400_000 }),
			correct: fc.boolean()
		});
		fc.assert(
			fc.property(
				fc.array(eventArb, { maxLength: 80 }),
				fc.constantFrom('Europe/Paris', 'Pacific/Auckland', 'America/St_Johns'),
				(events, timeZone) => {
					const fromEvents = computeDashboard({ ...context({ timeZone }), events });
					expect(dashboard({ events, timeZone })).toEqual(fromEvents);
				}
			),
			{ seed: 4243, numRuns: runs(150) }
		);
	});

	it('puts each answer on the date its day aggregate holds, whatever the zone now', () => {
		// Recorded on a device in Auckland: 2026-03-24 there, still the 23rd in Paris.
		const d = computeDashboard({
			...context(),
			itemStats: [
				{
					itemId: 'a',
					answers: 2,
					correct: 1,
					lastAt: at('2026-03-24T08:00:00+13:00'),
					lastCorrect: true,
					lastWrongAt: at('2026-03-20T08:00:00+13:00')
				}
			],
			dayStats: [
				{ date: '2026-03-20', answers: 1, correct: 0 },
				{ date: '2026-03-24', answers: 1, correct: 1 },
				{ date: 'not a date', answers: 5, correct: 5 }
			]
		});
		expect(countOn(d.heatMap.days, '2026-03-24')).toBe(1);
		expect(countOn(d.heatMap.days, '2026-03-23')).toBe(0);
		expect(d.accuracy).toMatchObject({ answers: 2, correct: 1, rate: 0.5 });
		expect(d.streak).toEqual({ current: 1, longest: 1, studiedToday: false });
		expect(d.weakest).toEqual([
			{
				itemId: 'a',
				prompt: 'Prompt of a?',
				topic: 'events',
				answers: 2,
				correct: 1,
				rate: 0.5,
				lastAt: at('2026-03-24T08:00:00+13:00')
			}
		]);
	});

	it('skips events whose time is not a number instead of failing', () => {
		const d = dashboard({
			events: [{ itemId: 'a', at: Number.NaN, correct: true }, ev('a', '2026-03-25T08:00Z')]
		});
		expect(d.totals.answers).toBe(1);
	});
});
