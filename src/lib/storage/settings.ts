/** App-wide settings kept in the `settings` store, each with its default. */
import { DEFAULT_NEW_PER_DAY } from '$lib/domain/calendar';
import { getDB, writeTx } from './db';

/** New flashcards a learner is shown per day (a setting; 20 unless changed). */
export const NEW_PER_DAY_KEY = 'newCardsPerDay';

export async function getNewPerDay(): Promise<number> {
	const record = await (await getDB()).get('settings', NEW_PER_DAY_KEY);
	const value = record?.value;
	return typeof value === 'number' && Number.isInteger(value) && value >= 0
		? value
		: DEFAULT_NEW_PER_DAY;
}

export async function setNewPerDay(value: number): Promise<void> {
	if (!Number.isInteger(value) || value < 0 || value > 500) {
		throw new RangeError('New cards per day must be a whole number from 0 to 500.');
	}
	await writeTx(['settings'], (tx) =>
		tx.objectStore('settings').put({ key: NEW_PER_DAY_KEY, value })
	);
}
