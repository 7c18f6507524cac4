/**
 * The one clock for "today": the device's time zone, used both to date answers (storage) and
 * to work out day windows on screen (due today, streaks), so the two always agree.
 */
import { todayBounds } from '$lib/domain/calendar';

/**
 * The device's IANA time zone: answers are dated on its calendar. 'UTC' when the platform
 * does not say (some old engines), so dating never fails.
 */
export function deviceTimeZone(): string {
	try {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (zone) {
			new Intl.DateTimeFormat('en-US', { timeZone: zone });
			return zone;
		}
	} catch {
		// an engine that names a zone it cannot use
	}
	return 'UTC';
}

/** Today on the device's calendar: its first instant and the first instant of tomorrow. */
export function today(now = Date.now()): { start: number; end: number } {
	return todayBounds(now, deviceTimeZone());
}
