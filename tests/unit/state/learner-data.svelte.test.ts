import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { learnerData, type LearnerData } from '$lib/state/learner-data.svelte';
import { learners } from '$lib/state/learners.svelte';

/** A load whose replies the test sends, one per call, in any order. */
function controlled() {
	const calls: { learnerId: string; reply: (v: string) => void; fail: (e: Error) => void }[] = [];
	const load = (learnerId: string) =>
		new Promise<string>((reply, fail) => calls.push({ learnerId, reply, fail }));
	return { calls, load };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function mount<T>(load: (id: string) => Promise<T>): LearnerData<T> {
	let data!: LearnerData<T>;
	stop = $effect.root(() => {
		data = learnerData(load);
	});
	flushSync();
	return data;
}

let ana = '';
let zoe = '';
beforeAll(async () => {
	await learners.load();
	ana = learners.current!.id;
	zoe = (await learners.add('Zoe', '#1d4ed8')).id;
});

describe('learnerData', () => {
	it('loads for the current learner and exposes value, loading and error', async () => {
		await learners.switchTo(ana);
		const { calls, load } = controlled();
		const data = mount(load);
		expect(calls.map((c) => c.learnerId)).toEqual([ana]);
		expect(data.loading).toBe(true);
		expect(data.value).toBeUndefined();
		calls[0].reply('ana’s cards');
		await settle();
		expect(data.value).toBe('ana’s cards');
		expect(data.loading).toBe(false);
		expect(data.error).toBe('');
	});

	it('drops the reply of a learner switched away from, even when it comes last', async () => {
		await learners.switchTo(ana);
		const { calls, load } = controlled();
		const data = mount(load);
		await learners.switchTo(zoe);
		flushSync();
		expect(calls.map((c) => c.learnerId)).toEqual([ana, zoe]);
		calls[1].reply('zoe’s cards');
		await settle();
		calls[0].reply('ana’s cards');
		await settle();
		expect(data.value).toBe('zoe’s cards');
	});

	it('reloads on demand, keeping the value on screen meanwhile, and reports errors', async () => {
		await learners.switchTo(ana);
		const { calls, load } = controlled();
		const data = mount(load);
		calls[0].reply('first');
		await settle();
		const reloaded = data.reload();
		expect(data.value).toBe('first');
		expect(data.loading).toBe(true);
		calls[1].fail(new Error('The disk is full.'));
		await reloaded;
		expect(data.error).toBe('The disk is full.');
		expect(data.value).toBe('first');
	});
});
