import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DAY_MS,
	InvalidTimeZoneError,
	LocalCalendar,
	dayLabel,
	dayOfIso,
	isoDate,
	mondayOf,
	weekday
} from '../../../src/lib/domain/calendar.ts';
import { runs } from '../property-runs';

const at = (iso: string) => Date.parse(iso);

/** The local date of `t` straight from Intl: the reference LocalCalendar must agree with. */
const references = new Map<string, Intl.DateTimeFormat>();
function intlDate(t: number, timeZone: string): string {
	let format = references.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		references.set(timeZone, format);
	}
	return format.format(t);
}

const localDate = (calendar: LocalCalendar, iso: string) => isoDate(calendar.dayOf(at(iso)));

describe('day numbers', () => {
	it('count days from 1970-01-01 and round-trip through ISO dates', () => {
		expect(dayOfIso('1970-01-01')).toBe(0);
		expect(dayOfIso('1970-01-02')).toBe(1);
		expect(dayOfIso('1969-12-31')).toBe(-1);
		expect(isoDate(dayOfIso('2026-03-29'))).toBe('2026-03-29');
		expect(isoDate(dayOfIso('2024-02-29') + 1)).toBe('2024-03-01');
		expect(dayOfIso('29/03/2026')).toBeNaN();
	});

	it('give weekdays from Monday (0) to Sunday (6), before 1970 too', () => {
		expect(weekday(0)).toBe(3); // Thursday 1 January 1970
		expect(weekday(dayOfIso('2026-03-23'))).toBe(0);
		expect(weekday(dayOfIso('2026-03-29'))).toBe(6);
		expect(weekday(dayOfIso('1969-12-29'))).toBe(0);
		expect(isoDate(mondayOf(dayOfIso('2026-03-29')))).toBe('2026-03-23');
		expect(isoDate(mondayOf(dayOfIso('2026-03-23')))).toBe('2026-03-23');
		expect(isoDate(mondayOf(dayOfIso('1970-01-01')))).toBe('1969-12-29');
	});

	it('label dates for people in day-month order', () => {
		expect(dayLabel('2026-03-23')).toBe('Mon 23 Mar');
		expect(dayLabel('2026-03-23', 'dayMonth')).toBe('23 Mar');
		expect(dayLabel('not a date')).toBe('not a date');
	});
});

describe('LocalCalendar', () => {
	it('reports the UTC offset, including DST and quarter-hour zones', () => {
		expect(new LocalCalendar('Europe/Paris').offsetAt(at('2026-01-15T12:00:00Z'))).toBe(3_600_000);
		expect(new LocalCalendar('Europe/Paris').offsetAt(at('2026-07-15T12:00:00Z'))).toBe(7_200_000);
		expect(new LocalCalendar('Asia/Kathmandu').offsetAt(at('2026-07-15T12:00:00Z'))).toBe(
			(5 * 60 + 45) * 60_000
		);
		expect(new LocalCalendar('America/New_York').offsetAt(at('2026-01-15T12:00:00Z'))).toBe(
			-5 * 3_600_000
		);
	});

	it('puts 23:30 and 00:30 local time on different days', () => {
		const paris = new LocalCalendar('Europe/Paris');
		expect(localDate(paris, '2026-01-14T23:30:00+01:00')).toBe('2026-01-14');
		expect(localDate(paris, '2026-01-15T00:30:00+01:00')).toBe('2026-01-15');
		expect(localDate(paris, '2026-07-14T23:30:00+02:00')).toBe('2026-07-14');
		expect(localDate(paris, '2026-07-15T00:30:00+02:00')).toBe('2026-07-15');
	});

	it('keeps the whole spring-forward and fall-back days together in Europe/Paris', () => {
		const paris = new LocalCalendar('Europe/Paris');
		// 29 March 2026 lasts 23 hours: 02:00 becomes 03:00.
		expect(localDate(paris, '2026-03-29T00:00:00+01:00')).toBe('2026-03-29');
		expect(localDate(paris, '2026-03-29T01:59:59+01:00')).toBe('2026-03-29');
		expect(localDate(paris, '2026-03-29T03:00:00+02:00')).toBe('2026-03-29');
		expect(localDate(paris, '2026-03-29T23:59:59+02:00')).toBe('2026-03-29');
		expect(localDate(paris, '2026-03-30T00:00:00+02:00')).toBe('2026-03-30');
		expect(localDate(paris, '2026-03-28T23:59:59+01:00')).toBe('2026-03-28');
		// 25 October 2026 lasts 25 hours: 02:30 happens twice.
		expect(localDate(paris, '2026-10-25T02:30:00+02:00')).toBe('2026-10-25');
		expect(localDate(paris, '2026-10-25T02:30:00+01:00')).toBe('2026-10-25');
		expect(localDate(paris, '2026-10-25T23:59:59+01:00')).toBe('2026-10-25');
		expect(localDate(paris, '2026-10-26T00:00:00+01:00')).toBe('2026-10-26');
		expect(localDate(paris, '2026-10-24T23:59:59+02:00')).toBe('2026-10-24');
	});

	it('follows Pacific/Auckland, where the local day starts on the previous UTC day', () => {
		const auckland = new LocalCalendar('Pacific/Auckland');
		// Both instants are on 1 January in UTC; locally they straddle midnight (UTC+13).
		expect(localDate(auckland, '2026-01-01T10:30:00Z')).toBe('2026-01-01');
		expect(localDate(auckland, '2026-01-01T11:30:00Z')).toBe('2026-01-02');
		// DST ends on 5 April 2026 (03:00 NZDT becomes 02:00 NZST), starts on 27 September.
		expect(localDate(auckland, '2026-04-05T02:30:00+13:00')).toBe('2026-04-05');
		expect(localDate(auckland, '2026-04-05T23:59:00+12:00')).toBe('2026-04-05');
		expect(localDate(auckland, '2026-04-04T23:59:00+13:00')).toBe('2026-04-04');
		expect(localDate(auckland, '2026-09-27T00:30:00+12:00')).toBe('2026-09-27');
		expect(localDate(auckland, '2026-09-27T23:30:00+13:00')).toBe('2026-09-27');
		expect(localDate(auckland, '2026-09-28T00:30:00+13:00')).toBe('2026-09-28');
	});

	it('handles a change at a half hour of UTC (Australia/Lord_Howe shifts by 30 minutes)', () => {
		const lordHowe = new LocalCalendar('Australia/Lord_Howe');
		// 4 October 2026, 02:00 (+10:30) becomes 02:30 (+11:00), at 15:30 UTC.
		expect(localDate(lordHowe, '2026-10-03T13:29:00Z')).toBe('2026-10-03');
		expect(localDate(lordHowe, '2026-10-03T13:30:00Z')).toBe('2026-10-04');
		expect(localDate(lordHowe, '2026-10-03T15:29:00Z')).toBe('2026-10-04');
		expect(localDate(lordHowe, '2026-10-03T15:30:00Z')).toBe('2026-10-04');
		expect(localDate(lordHowe, '2026-10-04T12:59:00Z')).toBe('2026-10-04');
		expect(localDate(lordHowe, '2026-10-04T13:00:00Z')).toBe('2026-10-05');
	});

	it('agrees with Intl minute by minute across DST changes', () => {
		const windows: [string, string][] = [
			['Europe/Paris', '2026-03-28T20:00:00Z'],
			['Europe/Paris', '2026-10-24T20:00:00Z'],
			['Pacific/Auckland', '2026-04-04T08:00:00Z'],
			['Pacific/Auckland', '2026-09-26T08:00:00Z'],
			['Australia/Lord_Howe', '2026-10-03T10:00:00Z'],
			['America/Santiago', '2026-04-04T20:00:00Z']
		];
		for (const [zone, start] of windows) {
			const calendar = new LocalCalendar(zone);
			const from = at(start);
			for (let t = from; t < from + 12 * 3_600_000; t += 60_000) {
				expect(isoDate(calendar.dayOf(t)), `${zone} ${new Date(t).toISOString()}`).toBe(
					intlDate(t, zone)
				);
			}
		}
	});

	it('agrees with Intl at any instant in many zones, in any order of lookups', () => {
		const zones = [
			'Europe/Paris',
			'Pacific/Auckland',
			'Australia/Lord_Howe',
			'America/St_Johns',
			'Asia/Kathmandu',
			'Pacific/Chatham',
			'America/Sao_Paulo',
			'UTC'
		];
		const calendars = new Map(zones.map((z) => [z, new LocalCalendar(z)]));
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.integer({ min: at('2015-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') }),
				(zone, t) => isoDate(calendars.get(zone)!.dayOf(t)) === intlDate(t, zone)
			),
			{ seed: 20260327, numRuns: runs(3000) }
		);
		expect(calendars.size).toBe(zones.length);
	});

	it('works before 1970, where timestamps are negative', () => {
		const paris = new LocalCalendar('Europe/Paris');
		const t = at('1969-12-31T23:30:00Z');
		expect(isoDate(paris.dayOf(t))).toBe('1970-01-01');
		expect(paris.dayOf(t)).toBe(0);
		expect(paris.dayOf(t - DAY_MS)).toBe(-1);
	});

	it('throws InvalidTimeZoneError for a zone Intl does not know', () => {
		expect(() => new LocalCalendar('Mars/Olympus_Mons')).toThrow(InvalidTimeZoneError);
		expect(() => new LocalCalendar('Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
	});
});
