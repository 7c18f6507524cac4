/** Due dates as people read them: 'Friday 4 December 2026' (a calendar date, no time zone). */
export function formatDueDate(date: string): string {
	const d = new Date(`${date}T12:00:00Z`);
	return d.toLocaleDateString(undefined, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** Whether a due date (local calendar) has passed. */
export function isPastDue(date: string | null, now = new Date()): boolean {
	if (!date) return false;
	const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
		.map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
		.join('-');
	return today > date;
}
