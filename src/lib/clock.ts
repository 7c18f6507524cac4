/**
 * The one clock for "today": the device's time zone, used both to date answers (storage) and
 * to work out day windows on screen (due today, streaks), so the two always agree. The day
 * bounds themselves are `todayBounds` (domain/calendar.ts), given this zone.
 */

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
