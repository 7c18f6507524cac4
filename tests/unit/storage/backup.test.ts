import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup, type Backup } from '$lib/domain/backup';
import { exportBackup, importBackup } from '$lib/storage/backup';
import { addLearner, deleteLearner, listLearners } from '$lib/storage/learners';
import { buildStats } from '$lib/domain/stats';
import { deviceTimeZone } from '$lib/clock';
import { getDB } from '$lib/storage/db';
import {
	getCard,
	listDayStats,
	listEvents,
	listItemStats,
	putCard,
	saveAnswer,
	saveAttempt
} from '$lib/storage/progress';
import { freshDatabase } from './fixtures';
import type { TeacherSet } from '$lib/domain/assignment';
import type { ReceivedResult } from '$lib/domain/class-report';
import {
	addResults,
	ensureTeacherKeys,
	getTeacherName,
	listResults,
	listSets,
	listTeacherKeys,
	saveSet,
	setTeacherName
} from '$lib/storage/teach';
import { attempt, card, DAY, event, learner, T0 } from './fixtures';

beforeEach(freshDatabase);

async function seed() {
	await addLearner(learner('ana', T0, 'Ana'));
	await addLearner(learner('zoe', T0 + 1, 'Zoë'));
	await saveAnswer({
		event: event('e1', 'ana', T0),
		card: card('ana', 'p3-item', T0 + DAY, T0),
		attempt: attempt('a1', 'ana')
	});
	await saveAnswer({
		event: event('e2', 'ana', T0 + 60_000, { correct: false, response: { text: 'Shusha' } })
	});
	await saveAnswer({
		event: event('e3', 'zoe', T0 + 5, { source: 'flashcard', grade: 'good', response: undefined })
	});
	await saveAttempt(attempt('a2', 'zoe', { status: 'finished', finishedAt: T0 + 9 }));
}

/** Everything stored, in a stable order, for comparing before and after. */
async function snapshot() {
	const backup = await exportBackup('all', 0, 1);
	return backup.learners;
}

async function wipe() {
	for (const l of await listLearners()) await deleteLearner(l.id);
}

describe('backups', () => {
	it('export, wipe, import gives back identical data', async () => {
		await seed();
		const before = await snapshot();
		const file = JSON.stringify(await exportBackup('all', T0 + DAY, 1));
		await wipe();
		expect(await listLearners()).toEqual([]);
		const parsed = parseBackup(file);
		if (!parsed.ok) throw new Error(parsed.message);
		expect(await importBackup(parsed.backup)).toEqual({
			learners: 2,
			newLearners: 2,
			newAnswers: 3,
			newSets: 0,
			newResults: 0,
			newKeys: 0
		});
		expect(await snapshot()).toEqual(before);
	});

	it('rebuilds the aggregates on import, once however often the file is imported', async () => {
		await seed();
		const db = await getDB();
		const aggregates = async () => ({
			itemStats: await db.getAll('itemStats'),
			dayStats: await db.getAll('dayStats')
		});
		const before = await aggregates();
		// seed() saved the answers in the device's zone; the import dates them in the same one.
		const zone = deviceTimeZone();
		const expected = buildStats(await db.getAll('events'), zone);
		expect(before).toEqual(expected);
		const file = await exportBackup('all', T0 + DAY, 1);
		// A backup carries the records, never the aggregates.
		expect(JSON.stringify(file)).not.toMatch(/itemStats|dayStats|lastWrongAt/);
		await wipe();
		expect(await aggregates()).toEqual({ itemStats: [], dayStats: [] });
		await importBackup(file, zone);
		expect(await aggregates()).toEqual(before);
		await importBackup(file, zone);
		expect(await aggregates()).toEqual(before);
	});

	it('adds to the aggregates only the answers new to this device', async () => {
		await seed();
		const file = await exportBackup(['ana'], T0, 1);
		const extra = event('e9', 'ana', T0 + 2 * DAY, { correct: false });
		file.learners[0].events.push(extra);
		await importBackup(file, deviceTimeZone());
		await importBackup(file, deviceTimeZone());
		expect(await listItemStats('ana')).toEqual([
			{
				learnerId: 'ana',
				itemId: 'p3-item',
				answers: 3,
				correct: 1,
				lastAt: T0 + 2 * DAY,
				lastCorrect: false,
				lastWrongAt: T0 + 2 * DAY
			}
		]);
		expect(await listDayStats('ana')).toEqual(
			buildStats(await listEvents('ana'), deviceTimeZone()).dayStats
		);
		expect((await listDayStats('ana')).map((d) => d.answers)).toEqual([2, 1]);
	});

	it('exports one learner only', async () => {
		await seed();
		const backup = await exportBackup(['zoe'], T0, 1);
		expect(backup.learners.map((b) => b.learner.id)).toEqual(['zoe']);
		expect(backup.learners[0].events.map((e) => e.id)).toEqual(['e3']);
		expect(backup).toMatchObject({
			format: 'factdeck-backup',
			version: BACKUP_VERSION,
			exportedAt: T0,
			bankVersion: 1
		});
	});

	it('importing the same backup twice adds nothing twice', async () => {
		await seed();
		const parsed = parseBackup(JSON.stringify(await exportBackup('all', T0, 1)));
		if (!parsed.ok) throw new Error(parsed.message);
		const before = await snapshot();
		expect(await importBackup(parsed.backup)).toEqual({
			learners: 2,
			newLearners: 0,
			newAnswers: 0,
			newSets: 0,
			newResults: 0,
			newKeys: 0
		});
		expect(await importBackup(parsed.backup)).toEqual({
			learners: 2,
			newLearners: 0,
			newAnswers: 0,
			newSets: 0,
			newResults: 0,
			newKeys: 0
		});
		expect(await snapshot()).toEqual(before);
	});

	it('keeps the card reviewed last when both sides have it', async () => {
		await seed();
		const parsed = parseBackup(JSON.stringify(await exportBackup(['ana'], T0, 1)));
		if (!parsed.ok) throw new Error(parsed.message);
		await putCard(card('ana', 'p3-item', T0 + 9 * DAY, T0 + DAY)); // reviewed again since
		await importBackup(parsed.backup);
		expect((await getCard('ana', 'p3-item'))?.due).toBe(T0 + 9 * DAY);
	});

	it('merges a backup into a device that has other learners', async () => {
		await seed();
		const parsed = parseBackup(JSON.stringify(await exportBackup(['zoe'], T0, 1)));
		if (!parsed.ok) throw new Error(parsed.message);
		await deleteLearner('zoe');
		await importBackup(parsed.backup);
		expect((await listLearners()).map((l) => l.id)).toEqual(['ana', 'zoe']);
		expect((await listEvents('ana')).map((e) => e.id)).toEqual(['e1', 'e2']);
	});

	describe('a bad file changes nothing', () => {
		async function good(): Promise<Backup> {
			await seed();
			return exportBackup('all', T0, 1);
		}
		const cases: [string, (text: string, b: Backup) => string, string][] = [
			['truncated', (text) => text.slice(0, text.length / 2), 'not-json'],
			['empty', () => '', 'not-json'],
			['foreign JSON', () => JSON.stringify({ name: 'my notes', items: [] }), 'foreign'],
			['an array', () => '[1,2,3]', 'foreign'],
			[
				'a newer version',
				(_t, b) => JSON.stringify({ ...b, version: BACKUP_VERSION + 1 }),
				'newer'
			],
			[
				'a damaged event',
				(_t, b) => {
					b.learners[0].events[0].at = 'yesterday' as never;
					return JSON.stringify(b);
				},
				'damaged'
			],
			[
				'a record of another learner',
				(_t, b) => {
					b.learners[0].events[0].learnerId = 'zoe';
					return JSON.stringify(b);
				},
				'damaged'
			],
			[
				'an answer twice',
				(_t, b) => {
					b.learners[1].events.push(b.learners[0].events[0]);
					b.learners[1].events.at(-1)!.learnerId = 'zoe';
					return JSON.stringify(b);
				},
				'damaged'
			],
			[
				'an unplayable quiz',
				(_t, b) => {
					b.learners[0].attempts[0].questions = [null as never];
					return JSON.stringify(b);
				},
				'damaged'
			],
			[
				'a quiz without a mode',
				(_t, b) => {
					b.learners[0].attempts[0].config = {} as never;
					return JSON.stringify(b);
				},
				'damaged'
			],
			[
				'a bad grade',
				(_t, b) => {
					b.learners[1].events[0].grade = 'perfect' as never;
					return JSON.stringify(b);
				},
				'damaged'
			]
		];
		it.each(cases)('%s', async (_name, spoil, problem) => {
			const backup = await good();
			const text = spoil(JSON.stringify(backup), structuredClone(backup));
			await wipe();
			await addLearner(learner('solo', T0, 'Solo'));
			const before = await snapshot();
			const parsed = parseBackup(text);
			expect(parsed.ok).toBe(false);
			if (parsed.ok) return;
			expect(parsed.problem).toBe(problem);
			expect(parsed.message).toMatch(/Nothing was changed\.$/);
			expect(await snapshot()).toEqual(before);
		});
	});

	describe('teacher data', () => {
		const set: TeacherSet = {
			id: '0123456789abcdef',
			revision: 2,
			sharedRevision: 2,
			createdAt: T0,
			updatedAt: T0 + 5,
			title: 'Week 1',
			instructions: '',
			itemIds: ['p3-item'],
			mode: 'test',
			shuffle: true,
			dueDate: '2026-11-30',
			showAnswers: false,
			tries: 2
		};
		const result: ReceivedResult = {
			id: 'r1',
			receivedAt: T0 + 9,
			assignmentId: set.id,
			revision: 2,
			studentName: 'Ana',
			studentId: 'fedcba9876543210',
			tryNumber: 1,
			startedAt: T0,
			finishedAt: T0 + 60_000,
			score: 1,
			answers: [{ itemId: 'p3-item', response: { text: 'Yevlakh' }, grade: null, ms: 4200 }]
		};
		const key = (n: string) => ({
			publicKey: `Aq${n}`,
			privateKey: { kty: 'EC', crv: 'P-256', x: `x${n}`, y: `y${n}`, d: `d${n}` },
			createdAt: T0
		});

		async function seedTeacher() {
			await saveSet(set);
			await addResults([result]);
			await setTeacherName('Ms Aliyeva');
			await ensureTeacherKeys(async () => key('one'), T0);
		}

		it('travels only when asked for, and comes back whole', async () => {
			await seed();
			await seedTeacher();
			expect((await exportBackup('all', T0, 1)).teacher).toBeUndefined();
			const file = JSON.stringify(await exportBackup('all', T0, 1, true));
			await freshDatabase();
			const parsed = parseBackup(file);
			if (!parsed.ok) throw new Error(parsed.message);
			expect(parsed.backup.version).toBe(2);
			expect(await importBackup(parsed.backup)).toMatchObject({
				newSets: 1,
				newResults: 1,
				newKeys: 1
			});
			expect(await listSets()).toEqual([set]);
			expect(await listResults(set.id)).toEqual([result]);
			expect(await getTeacherName()).toBe('Ms Aliyeva');
			expect(await listTeacherKeys()).toEqual([key('one')]);
			// Again: nothing added twice.
			expect(await importBackup(parsed.backup)).toMatchObject({
				newSets: 0,
				newResults: 0,
				newKeys: 0
			});
		});

		it("keeps this device's own key first and adds the imported one after it", async () => {
			await seedTeacher();
			const parsed = parseBackup(JSON.stringify(await exportBackup('all', T0, 1, true)));
			if (!parsed.ok) throw new Error(parsed.message);
			await freshDatabase();
			await ensureTeacherKeys(async () => key('two'), T0);
			await setTeacherName('Mr New');
			await importBackup(parsed.backup);
			expect((await listTeacherKeys()).map((k) => k.publicKey)).toEqual(['Aqtwo', 'Aqone']);
			expect(await getTeacherName()).toBe('Mr New');
		});

		it('a damaged teacher block changes nothing', async () => {
			await seedTeacher();
			const backup = await exportBackup('all', T0, 1, true);
			backup.teacher!.sets[0].id = 'not-hex';
			await freshDatabase();
			const parsed = parseBackup(JSON.stringify(backup));
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.message).toMatch(/teacher\.sets\.0\.id/);
			expect(await listSets()).toEqual([]);
		});

		it('still reads format 1 files', async () => {
			await seed();
			const backup = { ...(await exportBackup('all', T0, 1)), version: 1 };
			const parsed = parseBackup(JSON.stringify(backup));
			expect(parsed.ok).toBe(true);
		});
	});
});
