/**
 * Export and import of backups (format: src/lib/domain/backup.ts). Import writes in one
 * transaction after the whole file has been validated, and is idempotent: records have
 * stable ids, so importing the same backup twice adds nothing twice.
 *
 * Merge rules when a record exists already: a learner keeps the name and colour on this
 * device; an answer is the same answer (same id); a card keeps whichever copy was reviewed
 * last; an attempt keeps whichever copy was updated last; an assignment keeps every result.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type LearnerBackup } from '$lib/domain/backup';
import { getDB, learnerRange, writeTx } from './db';

/** Reads one, several or all learners into a backup. */
export async function exportBackup(
	learnerIds: string[] | 'all',
	now: number,
	bankVersion: number
): Promise<Backup> {
	const db = await getDB();
	const learners =
		learnerIds === 'all'
			? (await db.getAll('learners')).sort((a, b) => a.createdAt - b.createdAt)
			: (await Promise.all(learnerIds.map((id) => db.get('learners', id)))).filter(
					(l) => l !== undefined
				);
	const blocks: LearnerBackup[] = [];
	for (const learner of learners) {
		const range = learnerRange(learner.id);
		const tx = db.transaction(['events', 'cards', 'attempts', 'assignments']);
		const [events, cards, attempts, assignments] = await Promise.all([
			tx.objectStore('events').index('by-learner-time').getAll(range),
			tx.objectStore('cards').index('by-learner-due').getAll(range),
			tx.objectStore('attempts').index('by-learner-started').getAll(range),
			tx.objectStore('assignments').index('by-learner-received').getAll(range)
		]);
		blocks.push({ learner, events, cards, attempts, assignments });
	}
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		bankVersion,
		learners: blocks
	};
}

export interface ImportSummary {
	learners: number;
	newLearners: number;
	newAnswers: number;
}

/**
 * Writes a validated backup, all or nothing. Existing records are read once per learner and
 * store (not once per record), and the writes are queued without waiting on each, so a
 * backup of 100,000 answers imports in one pass.
 */
export async function importBackup(backup: Backup): Promise<ImportSummary> {
	return writeTx(['learners', 'events', 'cards', 'attempts', 'assignments'], async (tx) => {
		const summary: ImportSummary = {
			learners: backup.learners.length,
			newLearners: 0,
			newAnswers: 0
		};
		const learners = tx.objectStore('learners');
		const events = tx.objectStore('events');
		const cards = tx.objectStore('cards');
		const attempts = tx.objectStore('attempts');
		const assignments = tx.objectStore('assignments');
		const writes: Promise<unknown>[] = [];
		for (const block of backup.learners) {
			const range = learnerRange(block.learner.id);
			const [localLearner, eventKeys, localCards, localAttempts, localAssignments] =
				await Promise.all([
					learners.get(block.learner.id),
					events.index('by-learner-time').getAllKeys(range),
					cards.index('by-learner-due').getAll(range),
					attempts.index('by-learner-started').getAll(range),
					assignments.index('by-learner-received').getAll(range)
				]);
			if (!localLearner) {
				writes.push(learners.add(block.learner));
				summary.newLearners++;
			}
			const known = new Set(eventKeys);
			for (const event of block.events) {
				if (known.has(event.id)) continue;
				writes.push(events.add(event));
				summary.newAnswers++;
			}
			const cardsByItem = new Map(localCards.map((c) => [c.itemId, c]));
			for (const card of block.cards) {
				const local = cardsByItem.get(card.itemId);
				if (!local || (card.memory.lastReview ?? 0) > (local.memory.lastReview ?? 0)) {
					writes.push(cards.put(card));
				}
			}
			const attemptsById = new Map(localAttempts.map((a) => [a.id, a]));
			for (const attempt of block.attempts) {
				const local = attemptsById.get(attempt.id);
				if (!local || attempt.updatedAt > local.updatedAt) writes.push(attempts.put(attempt));
			}
			const assignmentsById = new Map(localAssignments.map((a) => [a.id, a]));
			for (const assignment of block.assignments) {
				const local = assignmentsById.get(assignment.id);
				if (!local) {
					writes.push(assignments.add(assignment));
					continue;
				}
				const codes = new Set(local.results.map((r) => r.code));
				const results = [
					...local.results,
					...assignment.results.filter((r) => !codes.has(r.code))
				].sort((a, b) => a.at - b.at);
				writes.push(assignments.put({ ...local, results }));
			}
		}
		await Promise.all(writes);
		return summary;
	});
}
