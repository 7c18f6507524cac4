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

/** Writes a validated backup, all or nothing. */
export async function importBackup(backup: Backup): Promise<ImportSummary> {
	return writeTx(['learners', 'events', 'cards', 'attempts', 'assignments'], async (tx) => {
		const summary: ImportSummary = {
			learners: backup.learners.length,
			newLearners: 0,
			newAnswers: 0
		};
		const stores = {
			learners: tx.objectStore('learners'),
			events: tx.objectStore('events'),
			cards: tx.objectStore('cards'),
			attempts: tx.objectStore('attempts'),
			assignments: tx.objectStore('assignments')
		};
		for (const block of backup.learners) {
			if (!(await stores.learners.get(block.learner.id))) {
				await stores.learners.add(block.learner);
				summary.newLearners++;
			}
			for (const event of block.events) {
				if (!(await stores.events.getKey(event.id))) {
					await stores.events.add(event);
					summary.newAnswers++;
				}
			}
			for (const card of block.cards) {
				const local = await stores.cards.get([card.learnerId, card.itemId]);
				if (!local || (card.memory.lastReview ?? 0) > (local.memory.lastReview ?? 0)) {
					await stores.cards.put(card);
				}
			}
			for (const attempt of block.attempts) {
				const local = await stores.attempts.get(attempt.id);
				if (!local || attempt.updatedAt > local.updatedAt) await stores.attempts.put(attempt);
			}
			for (const assignment of block.assignments) {
				const local = await stores.assignments.get([assignment.learnerId, assignment.id]);
				if (!local) {
					await stores.assignments.add(assignment);
				} else {
					const codes = new Set(local.results.map((r) => r.code));
					const results = [
						...local.results,
						...assignment.results.filter((r) => !codes.has(r.code))
					];
					await stores.assignments.put({ ...local, results: results.sort((a, b) => a.at - b.at) });
				}
			}
		}
		return summary;
	});
}
