/** Assignments a learner received by link, and the result codes they sent back. */
import type { AssignmentLink, ReceivedAssignment } from '$lib/domain/assignment';
import { getDB, learnerRange, writeTx } from './db';

/** A learner's assignments, the most recently received first. */
export async function listReceived(learnerId: string): Promise<ReceivedAssignment[]> {
	const all = await (
		await getDB()
	).getAllFromIndex('assignments', 'by-learner-received', learnerRange(learnerId));
	return all.reverse();
}

export async function getReceived(
	learnerId: string,
	id: string
): Promise<ReceivedAssignment | undefined> {
	return (await getDB()).get('assignments', [learnerId, id]);
}

export type AcceptOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Stores an assignment for a learner, with the name they gave for it. A newer revision of
 * one they have replaces its content and keeps the results sent so far (and the name, unless
 * a new one is given); the same or an older revision changes nothing.
 */
export async function acceptAssignment(
	learnerId: string,
	link: AssignmentLink,
	now = Date.now(),
	studentName?: string
): Promise<AcceptOutcome> {
	return writeTx(['assignments'], async (tx) => {
		const store = tx.objectStore('assignments');
		const existing = await store.get([learnerId, link.id]);
		if (existing && existing.assignment.revision >= link.revision) return 'unchanged';
		await store.put({
			learnerId,
			id: link.id,
			receivedAt: existing?.receivedAt ?? now,
			assignment: link,
			...(studentName || existing?.studentName
				? { studentName: studentName || existing?.studentName }
				: {}),
			results: existing?.results ?? []
		});
		return existing ? 'updated' : 'added';
	});
}

/**
 * Keeps a result code the learner made (so it can be shown and sent again); the name it
 * carries becomes the name kept with the assignment.
 */
export async function addResultCode(
	learnerId: string,
	id: string,
	entry: ReceivedAssignment['results'][number]
): Promise<void> {
	await writeTx(['assignments'], async (tx) => {
		const store = tx.objectStore('assignments');
		const existing = await store.get([learnerId, id]);
		if (!existing) throw new Error(`No assignment ${id} for this learner`);
		if (existing.results.some((r) => r.code === entry.code)) return;
		await store.put({
			...existing,
			...(entry.name ? { studentName: entry.name } : {}),
			results: [...existing.results, entry]
		});
	});
}
