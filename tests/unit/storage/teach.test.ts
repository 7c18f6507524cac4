import { beforeEach, describe, expect, it } from 'vitest';
import type { AssignmentLink, TeacherSet } from '$lib/domain/assignment';
import type { ReceivedResult } from '$lib/domain/class-report';
import {
	acceptAssignment,
	addResultCode,
	getReceived,
	listReceived
} from '$lib/storage/assignments';
import {
	addResults,
	countResults,
	deleteSet,
	ensureTeacherKeys,
	listResults,
	listSets,
	listTeacherKeys,
	saveSet
} from '$lib/storage/teach';
import { freshDatabase, T0 } from './fixtures';

beforeEach(freshDatabase);

function set(id: string, updatedAt: number): TeacherSet {
	return {
		id,
		revision: 1,
		sharedRevision: 0,
		createdAt: T0,
		updatedAt,
		title: `Set ${id}`,
		instructions: '',
		itemIds: ['p1-a'],
		mode: 'practice',
		shuffle: false,
		dueDate: null,
		showAnswers: true,
		tries: 1
	};
}

function result(id: string, assignmentId: string, receivedAt = T0): ReceivedResult {
	return {
		id,
		receivedAt,
		assignmentId,
		revision: 1,
		studentName: 'Ana',
		studentId: '00000000000000aa',
		tryNumber: 1,
		startedAt: T0,
		finishedAt: T0 + 1000,
		score: 0,
		answers: []
	};
}

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('teacher storage', () => {
	it('lists sets most recently changed first', async () => {
		await saveSet(set(A, T0));
		await saveSet(set(B, T0 + 1));
		expect((await listSets()).map((s) => s.id)).toEqual([B, A]);
	});

	it('adds a result once however often it arrives, and counts per set', async () => {
		expect((await addResults([result('r1', A), result('r1', A)])).map((r) => r.id)).toEqual(['r1']);
		expect(await addResults([result('r1', A)])).toEqual([]);
		await addResults([result('r2', A, T0 + 1), result('r3', B)]);
		expect((await listResults(A)).map((r) => r.id)).toEqual(['r1', 'r2']);
		expect(await countResults()).toEqual(
			new Map([
				[A, 2],
				[B, 1]
			])
		);
	});

	it("deletes a set with its results and no other set's", async () => {
		await saveSet(set(A, T0));
		await saveSet(set(B, T0));
		await addResults([result('r1', A), result('r2', B)]);
		await deleteSet(A);
		expect((await listSets()).map((s) => s.id)).toEqual([B]);
		expect(await listResults(A)).toEqual([]);
		expect((await listResults(B)).map((r) => r.id)).toEqual(['r2']);
	});

	it('makes the key pair once', async () => {
		let made = 0;
		const make = async () => {
			made++;
			return { publicKey: `k${made}`, privateKey: { kty: 'EC' } };
		};
		const first = await ensureTeacherKeys(make, T0);
		const again = await ensureTeacherKeys(make, T0 + 1);
		expect(again).toEqual(first);
		expect(made).toBe(1);
		expect(await listTeacherKeys()).toEqual([first]);
	});
});

describe('received assignments', () => {
	const link = (revision: number, title = 'Week 1'): AssignmentLink => ({
		id: A,
		revision,
		bankVersion: 1,
		teacherName: 'Ms A',
		teacherKey: 'Aqkey',
		settings: {
			title,
			instructions: '',
			itemIds: ['p1-a'],
			mode: 'test',
			shuffle: true,
			dueDate: null,
			showAnswers: false,
			tries: 1
		}
	});

	it('adds, ignores the same or an older revision, and takes a newer one keeping results', async () => {
		expect(await acceptAssignment('ana', link(2), T0)).toBe('added');
		expect(await acceptAssignment('ana', link(2, 'Changed?'), T0 + 1)).toBe('unchanged');
		expect(await acceptAssignment('ana', link(1), T0 + 1)).toBe('unchanged');
		await addResultCode('ana', A, { at: T0 + 2, code: 'https://x/collect#c1', tryNumber: 1 });
		await addResultCode('ana', A, { at: T0 + 3, code: 'https://x/collect#c1', tryNumber: 1 });
		expect(await acceptAssignment('ana', link(3, 'Week 1, fixed'), T0 + 4)).toBe('updated');
		const stored = await getReceived('ana', A);
		expect(stored?.assignment.settings.title).toBe('Week 1, fixed');
		expect(stored?.receivedAt).toBe(T0);
		expect(stored?.results).toHaveLength(1);
	});

	it('keeps each learner their own', async () => {
		await acceptAssignment('ana', link(1), T0);
		expect(await listReceived('zoe')).toEqual([]);
		expect((await listReceived('ana')).map((r) => r.id)).toEqual([A]);
		await expect(addResultCode('zoe', A, { at: T0, code: 'c' })).rejects.toThrow();
	});
});
