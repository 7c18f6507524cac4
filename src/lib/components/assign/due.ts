// Kept only for src/routes/HomeAssigned.svelte, which another change is reworking: dates are
// worded by domain/wording.ts; import formatDate from there and drop this line.
export { formatDate as formatDueDate } from '$lib/domain/wording';

/** Whether a due date (local calendar) has passed. */
export function isPastDue(date: string | null, now = new Date()): boolean {
	if (!date) return false;
	const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
		.map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
		.join('-');
	return today > date;
}
