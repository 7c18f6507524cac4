/**
 * Export and import of backups (format: src/lib/domain/backup.ts). Import writes in one
 * transaction after the whole file has been validated, and is idempotent: records have
 * stable ids, so importing the same backup twice adds nothing twice.
 *
 * Merge rules when a record exists already: a learner keeps the name and colour on this
 * device; an answer is the same answer (same id); a card keeps whichever copy was reviewed
 * last; an attempt keeps whichever copy was updated last; an assignment keeps every result
 * (and the newer revision). Teacher data: a set keeps whichever copy was updated last; a
 * result is the same result (same id); key pairs not on this device are added after its
 * own (this device's newest stays the one new links carry); the teacher name here is kept
 * unless it is empty.
 *
 * The aggregates (itemStats, dayStats) are derived, so backups leave them out: import counts
 * each answer it adds, dating it in the importing device's time zone, and export reads none.
 */
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	type Backup,
	type LearnerBackup,
	type TeacherBackup
} from '$lib/domain/backup';
import { LocalCalendar } from '$lib/domain/calendar';
import {
	addToDayStats,
	addToItemStats,
	countable,
	localDate,
	type DayStats,
	type ItemStats
} from '$lib/domain/stats';
import type { TeacherKeys } from '$lib/domain/teacher-keys';
import { getDB, learnerRange, writeTx } from './db';
import type { Db } from './schema';
import { deviceTimeZone } from '$lib/clock';
import { TEACHER_KEYS_KEY, TEACHER_NAME_KEY } from './teach';

async function exportTeacher(db: Db): Promise<TeacherBackup | undefined> {
	const tx = db.transaction(['settings', 'sets', 'results']);
	const [name, keys, sets, results] = await Promise.all([
		tx.objectStore('settings').get(TEACHER_NAME_KEY),
		tx.objectStore('settings').get(TEACHER_KEYS_KEY),
		tx.objectStore('sets').getAll(),
		tx.objectStore('results').getAll()
	]);
	const keyPairs = Array.isArray(keys?.value) ? (keys.value as TeacherKeys[]) : [];
	if (!keyPairs.length && !sets.length && !results.length) return undefined;
	return {
		name: typeof name?.value === 'string' ? name.value : '',
		keys: keyPairs,
		sets,
		results
	};
}

/**
 * Reads one, several or all learners into a backup; with `teacher`, also this device's
 * assignment sets, received results and teacher key pairs (private keys included).
 */
export async function exportBackup(
	learnerIds: string[] | 'all',
	now: number,
	bankVersion: number,
	teacher = false
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
	const backup: Backup = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		bankVersion,
		learners: blocks
	};
	const teacherData = teacher ? await exportTeacher(db) : undefined;
	if (teacherData) backup.teacher = teacherData;
	return backup;
}

export interface ImportSummary {
	learners: number;
	newLearners: number;
	newAnswers: number;
	/** Teacher data added: sets new or newer, results new, key pairs new. */
	newSets: number;
	newResults: number;
	newKeys: number;
}

/**
 * Writes a validated backup, all or nothing. Existing records are read once per learner and
 * store (not once per record), and the writes are queued without waiting on each, so a
 * backup of 100,000 answers imports in one pass.
 */
export async function importBackup(
	backup: Backup,
	timeZone = deviceTimeZone()
): Promise<ImportSummary> {
	const calendar = new LocalCalendar(timeZone);
	return writeTx(
		[
			'learners',
			'events',
			'cards',
			'attempts',
			'assignments',
			'itemStats',
			'dayStats',
			'settings',
			'sets',
			'results'
		],
		async (tx) => {
			const summary: ImportSummary = {
				learners: backup.learners.length,
				newLearners: 0,
				newAnswers: 0,
				newSets: 0,
				newResults: 0,
				newKeys: 0
			};
			const learners = tx.objectStore('learners');
			const events = tx.objectStore('events');
			const cards = tx.objectStore('cards');
			const attempts = tx.objectStore('attempts');
			const assignments = tx.objectStore('assignments');
			const itemStats = tx.objectStore('itemStats');
			const dayStats = tx.objectStore('dayStats');
			const writes: Promise<unknown>[] = [];
			for (const block of backup.learners) {
				const range = learnerRange(block.learner.id);
				const [
					localLearner,
					eventKeys,
					localCards,
					localAttempts,
					localAssignments,
					localItemStats,
					localDayStats
				] = await Promise.all([
					learners.get(block.learner.id),
					events.index('by-learner-time').getAllKeys(range),
					cards.index('by-learner-due').getAll(range),
					attempts.index('by-learner-started').getAll(range),
					assignments.index('by-learner-received').getAll(range),
					itemStats.getAll(range),
					dayStats.getAll(range)
				]);
				if (!localLearner) {
					writes.push(learners.add(block.learner));
					summary.newLearners++;
				}
				// Only answers new to this device are counted, so importing twice counts nothing twice.
				const known = new Set(eventKeys);
				const items = new Map(localItemStats.map((s) => [s.itemId, s]));
				const days = new Map(localDayStats.map((s) => [s.date, s]));
				const changedItems = new Map<string, ItemStats>();
				const changedDays = new Map<string, DayStats>();
				for (const event of block.events) {
					if (known.has(event.id)) continue;
					writes.push(events.add(event));
					summary.newAnswers++;
					if (!countable(event)) continue;
					const item = addToItemStats(items.get(event.itemId), event);
					items.set(event.itemId, item);
					changedItems.set(event.itemId, item);
					const date = localDate(event.at, calendar);
					const day = addToDayStats(days.get(date), event, date);
					days.set(date, day);
					changedDays.set(date, day);
				}
				for (const item of changedItems.values()) writes.push(itemStats.put(item));
				for (const day of changedDays.values()) writes.push(dayStats.put(day));
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
					const newer = assignment.assignment.revision > local.assignment.revision;
					writes.push(assignments.put({ ...(newer ? assignment : local), results }));
				}
			}
			if (backup.teacher) {
				const teacher = backup.teacher;
				const settings = tx.objectStore('settings');
				const sets = tx.objectStore('sets');
				const results = tx.objectStore('results');
				const [name, keys, localSets, resultKeys] = await Promise.all([
					settings.get(TEACHER_NAME_KEY),
					settings.get(TEACHER_KEYS_KEY),
					sets.getAll(),
					results.getAllKeys()
				]);
				if (teacher.name && !(typeof name?.value === 'string' && name.value)) {
					writes.push(settings.put({ key: TEACHER_NAME_KEY, value: teacher.name }));
				}
				const localKeys = Array.isArray(keys?.value) ? (keys.value as TeacherKeys[]) : [];
				const knownKeys = new Set(localKeys.map((k) => k.publicKey));
				const addedKeys = teacher.keys.filter((k) => !knownKeys.has(k.publicKey));
				if (addedKeys.length) {
					summary.newKeys = addedKeys.length;
					writes.push(settings.put({ key: TEACHER_KEYS_KEY, value: [...localKeys, ...addedKeys] }));
				}
				const setsById = new Map(localSets.map((s) => [s.id, s]));
				for (const set of teacher.sets) {
					const local = setsById.get(set.id);
					if (!local || set.updatedAt > local.updatedAt) {
						writes.push(sets.put(set));
						summary.newSets++;
					}
				}
				const knownResults = new Set(resultKeys);
				for (const result of teacher.results) {
					if (knownResults.has(result.id)) continue;
					writes.push(results.add(result));
					summary.newResults++;
				}
			}
			await Promise.all(writes);
			return summary;
		}
	);
}
