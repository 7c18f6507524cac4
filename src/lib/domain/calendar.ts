/**
 * Local calendar days in an IANA time zone, as whole numbers: day 0 is 1970-01-01 on the
 * zone's wall calendar, day 1 is 1970-01-02, and so on. Day numbers make the arithmetic the
 * dashboard needs (yesterday, the Monday of a week, 84 days back) plain integer arithmetic
 * that no DST change can disturb: a day is one step whether it lasted 23, 24 or 25 hours.
 *
 * Pure: Intl is the only platform API used, and it is asked once per UTC day seen (not once
 * per timestamp), so turning 100,000 answer times into days stays cheap.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/**
 * How many new cards a learner starts per local day unless they choose otherwise. Here, not in
 * scheduler.ts, so that reading the setting does not load the FSRS library into every page.
 */
export const DEFAULT_NEW_PER_DAY = 20;

/** The time zone is not one the platform's Intl knows. */
export class InvalidTimeZoneError extends Error {
	readonly timeZone: string;
	constructor(timeZone: string) {
		super(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Paris)`);
		this.name = 'InvalidTimeZoneError';
		this.timeZone = timeZone;
	}
}

/** Monday is 0, Sunday is 6 (ISO order). */
export function weekday(day: number): number {
	// 1970-01-01 was a Thursday: weekday 3.
	return (((day + 3) % 7) + 7) % 7;
}

/** The Monday of the week that contains `day`. */
export function mondayOf(day: number): number {
	return day - weekday(day);
}

/** 'YYYY-MM-DD' for a day number. */
export function isoDate(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a 'YYYY-MM-DD' date; NaN when it is not one. */
export function dayOfIso(date: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return NaN;
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

const labelFormats = {
	/** "Mon 7 Sep" */
	short: { weekday: 'short', day: 'numeric', month: 'short' },
	/** "7 Sep" */
	dayMonth: { day: 'numeric', month: 'short' },
	/** "Sep" */
	month: { month: 'short' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayLabelStyle = keyof typeof labelFormats;
const labelFormatters = new Map<DayLabelStyle, Intl.DateTimeFormat>();

/**
 * A 'YYYY-MM-DD' date as words for people, in British English day-month order ("Mon 7 Sep").
 * The date is already local, so it is formatted in UTC: no second time-zone conversion. The
 * date in full ("Monday 7 September 2026") is wording.ts's formatDate.
 */
export function dayLabel(date: string, style: DayLabelStyle = 'short'): string {
	const day = dayOfIso(date);
	if (Number.isNaN(day)) return date;
	let format = labelFormatters.get(style);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', { ...labelFormats[style], timeZone: 'UTC' });
		labelFormatters.set(style, format);
	}
	return format.format(day * DAY_MS);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
	let format = wallClockFormats.get(timeZone);
	if (!format) {
		try {
			format = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
		} catch {
			throw new InvalidTimeZoneError(timeZone);
		}
		wallClockFormats.set(timeZone, format);
	}
	return format;
}

/**
 * Turns instants into local days for one time zone. Keep one per computation: it caches the
 * zone's UTC offset per UTC day.
 *
 * How the cache stays exact: for each UTC day it asks Intl for the offset at both ends. Equal
 * offsets mean no change inside that day (no zone changes its offset twice within 24 hours),
 * so every instant of the day shares it. When they differ (a DST day), the same test runs per
 * hour, and an instant inside the very hour of the change gets its own exact answer.
 */
export class LocalCalendar {
	readonly timeZone: string;
	#format: Intl.DateTimeFormat;
	/** Exact offsets at instants already asked (bucket edges). */
	#edges = new Map<number, number>();
	/** UTC day (or hour) bucket -> offset for the whole bucket, or NaN when it changes inside. */
	#days = new Map<number, number>();
	#hours = new Map<number, number>();
	#lastBucket = NaN;
	#lastOffset = 0;

	constructor(timeZone: string) {
		this.timeZone = timeZone;
		this.#format = wallClockFormat(timeZone);
	}

	/** The zone's offset from UTC at instant `t`, in milliseconds (positive east of UTC). */
	offsetAt(t: number): number {
		const second = Math.floor(t / 1000) * 1000;
		const parts = this.#format.formatToParts(second);
		const field = (type: Intl.DateTimeFormatPartTypes) =>
			Number(parts.find((p) => p.type === type)?.value);
		const wall = new Date(0);
		wall.setUTCFullYear(field('year'), field('month') - 1, field('day'));
		// Some engines write midnight as 24 even with h23.
		wall.setUTCHours(field('hour') % 24, field('minute'), field('second'), 0);
		return wall.getTime() - second;
	}

	/** The local day number that contains instant `t` (epoch ms). */
	dayOf(t: number): number {
		const bucket = Math.floor(t / DAY_MS);
		let offset: number;
		if (bucket === this.#lastBucket) {
			offset = this.#lastOffset;
		} else {
			offset = this.#bucketOffset(this.#days, bucket, DAY_MS);
			this.#lastBucket = bucket;
			this.#lastOffset = offset;
		}
		if (Number.isNaN(offset)) {
			offset = this.#bucketOffset(this.#hours, Math.floor(t / HOUR_MS), HOUR_MS);
			if (Number.isNaN(offset)) offset = this.offsetAt(t);
		}
		return Math.floor((t + offset) / DAY_MS);
	}

	/** The offset shared by the whole bucket, or NaN when the offset changes inside it. */
	#bucketOffset(cache: Map<number, number>, bucket: number, size: number): number {
		let offset = cache.get(bucket);
		if (offset === undefined) {
			const start = this.#edgeOffset(bucket * size);
			offset = start === this.#edgeOffset((bucket + 1) * size) ? start : NaN;
			cache.set(bucket, offset);
		}
		return offset;
	}

	#edgeOffset(t: number): number {
		let offset = this.#edges.get(t);
		if (offset === undefined) {
			offset = this.offsetAt(t);
			this.#edges.set(t, offset);
		}
		return offset;
	}
}

/**
 * The instants where the learner's local today starts and ends (the start of tomorrow),
 * in epoch ms: today is `start <= t < end`. Found by bisection over LocalCalendar.dayOf, so
 * days of 23 or 25 hours and midnights that do not exist (a DST jump at 00:00) come out
 * right: `start` is the first instant that is today on the local calendar.
 * @throws InvalidTimeZoneError for a zone Intl does not know.
 */
export function todayBounds(now: number, timeZone: string): { start: number; end: number } {
	const calendar = new LocalCalendar(timeZone);
	const today = calendar.dayOf(now);
	return {
		start: firstInstantOf(calendar, today, now - 3 * DAY_MS, now),
		end: firstInstantOf(calendar, today + 1, now, now + 3 * DAY_MS)
	};
}

/** The first instant of local `day`, given `lo` before that day and `hi` inside or after it. */
function firstInstantOf(calendar: LocalCalendar, day: number, lo: number, hi: number): number {
	// Three days either side is always enough: no offset changes by more than 26 hours.
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (calendar.dayOf(mid) >= day) hi = mid;
		else lo = mid;
	}
	return hi;
}
