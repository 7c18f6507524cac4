import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	collectResults,
	duplicateSet,
	listSetsWithCounts,
	loadSet,
	saveComposed,
	shareUrl
} from '$lib/state/teach';
import { makeResultLink } from '$lib/state/assignments';
import { acceptLink, readAssignmentLink } from '$lib/state/join';
import type { AssignmentLink, AssignmentResult, ReceivedAssignment } from '$lib/domain/assignment';
import { ANA, DAY, freshDatabase, onOrigin, settings, T0, trueFalseItems } from './fixtures';

beforeEach(async () => {
	await freshDatabase();
	onOrigin();
});
afterEach(() => vi.unstubAllGlobals());

describe('saveComposed', () => {
	it('stores a new set at revision 1, never shared, with control characters made spaces', async () => {
		const set = await saveComposed(
			settings({ title: ' Week\t3 ', instructions: 'Line one\r\nline\u0007two ' }),
			null,
			T0
		);
		expect(set).toMatchObject({
			title: 'Week 3',
			instructions: 'Line one\nline two',
			revision: 1,
			sharedRevision: 0,
			createdAt: T0,
			updatedAt: T0
		});
		expect(set.id).toMatch(/^[0-9a-f]{16}$/);
		expect(await loadSet(set.id)).toEqual(set);
	});

	it('saves nothing when nothing changed, and keeps the revision until the set is shared', async () => {
		const first = await saveComposed(settings(), null, T0);
		expect(await saveComposed(settings(), first, T0 + 1000)).toBe(first);
		const edited = await saveComposed(settings({ tries: 2 }), first, T0 + 2000);
		expect(edited).toMatchObject({ id: first.id, revision: 1, tries: 2, updatedAt: T0 + 2000 });
		expect(await loadSet(first.id)).toEqual(edited);
	});

	it('raises the revision of a shared set when it changes, so students can tell the new link', async () => {
		const first = await saveComposed(settings(), null, T0);
		await shareUrl(first);
		const shared = await loadSet(first.id);
		expect(shared?.sharedRevision).toBe(1);
		const edited = await saveComposed(settings({ title: 'Week 4' }), shared, T0 + 1000);
		expect(edited).toMatchObject({ revision: 2, sharedRevision: 1, title: 'Week 4' });
	});

	it('duplicates a set as a new one, titled "Copy of …"', async () => {
		const first = await saveComposed(settings(), null, T0);
		const copy = await duplicateSet(first, T0 + 1000);
		expect(copy.id).not.toBe(first.id);
		expect(copy).toMatchObject({ title: 'Copy of The September offensive', revision: 1 });
		const { sets, counts } = await listSetsWithCounts();
		expect(sets.map((s) => s.id).sort()).toEqual([first.id, copy.id].sort());
		expect(counts.size).toBe(0);
	});
});

describe('collectResults', () => {
	/** A shared set and a student's result link for it, made through the student's side. */
	async function sharedResult(studentName = 'Ana') {
		const set = await saveComposed(settings(), null, T0);
		const url = await shareUrl(set);
		expect(url.startsWith('https://factdeck.test/join#')).toBe(true);
		const decoded = readAssignmentLink(url);
		if (!decoded.ok) throw new Error(decoded.message);
		const link: AssignmentLink = decoded.value;
		await acceptLink(ANA, link, 'Ana Student');
		const received: ReceivedAssignment = {
			learnerId: 'ana',
			id: link.id,
			receivedAt: T0,
			assignment: link,
			results: []
		};
		const result: AssignmentResult = {
			assignmentId: link.id,
			revision: link.revision,
			studentName,
			studentId: '00112233445566aa',
			tryNumber: 1,
			startedAt: T0,
			finishedAt: T0 + 60_000,
			score: 3,
			answers: trueFalseItems.slice(0, 3).map((i) => ({
				itemId: i.id,
				response: { value: i.answer },
				grade: null,
				ms: 5000
			}))
		};
		return { set, resultUrl: await makeResultLink(received, result, undefined, T0) };
	}

	it('reads a result link, stores it once, and reports later copies as duplicates', async () => {
		const { set, resultUrl } = await sharedResult();
		expect(resultUrl.startsWith('https://factdeck.test/collect#')).toBe(true);
		const [first, again] = await collectResults([resultUrl, resultUrl], T0 + DAY);
		expect(first).toMatchObject({ ok: true, duplicate: false, setTitle: set.title });
		expect(again).toMatchObject({ ok: true, duplicate: true });
		if (!first.ok) throw new Error('unreachable');
		expect(first.result).toMatchObject({ studentName: 'Ana', score: 3, receivedAt: T0 + DAY });
		const [later] = await collectResults([resultUrl], T0 + 2 * DAY);
		expect(later).toMatchObject({ ok: true, duplicate: true });
		expect((await listSetsWithCounts()).counts.get(set.id)).toBe(1);
	});

	it('reports a code that is not a result, and stores the good ones next to it', async () => {
		const { set, resultUrl } = await sharedResult();
		const outcomes = await collectResults(['not-a-code', resultUrl]);
		expect(outcomes[0]).toMatchObject({ ok: false, input: 'not-a-code' });
		expect(outcomes[0].ok === false && outcomes[0].message.length).toBeGreaterThan(0);
		expect(outcomes[1]).toMatchObject({ ok: true, duplicate: false });
		expect((await listSetsWithCounts()).counts.get(set.id)).toBe(1);
	});

	it('refuses every code on a device that never shared a set', async () => {
		const { resultUrl } = await sharedResult();
		await freshDatabase();
		const [outcome] = await collectResults([resultUrl]);
		expect(outcome).toMatchObject({ ok: false, problem: 'other-teacher' });
	});
});
