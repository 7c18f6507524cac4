import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NEW_PER_DAY } from '$lib/domain/calendar';
import { getNewPerDay, setNewPerDay } from '$lib/storage/settings';
import { freshDatabase } from './fixtures';

beforeEach(freshDatabase);

describe('settings', () => {
	it('gives the default number of new cards per day until it is changed', async () => {
		expect(await getNewPerDay()).toBe(DEFAULT_NEW_PER_DAY);
		await setNewPerDay(5);
		expect(await getNewPerDay()).toBe(5);
		await setNewPerDay(0);
		expect(await getNewPerDay()).toBe(0);
	});

	it('refuses a bad number and keeps the old one', async () => {
		await setNewPerDay(7);
		await expect(setNewPerDay(-1)).rejects.toThrow(RangeError);
		await expect(setNewPerDay(2.5)).rejects.toThrow(RangeError);
		expect(await getNewPerDay()).toBe(7);
	});
});
