/**
 * Runs inside Chromium (bundled by scripts/bench-storage.ts): fills the real IndexedDB with a
 * synthetic learner and times the app's own storage functions.
 */
import { openDB } from 'idb';
import { DAY_MS } from '../../src/lib/domain/calendar.ts';
import { computeDashboard } from '../../src/lib/domain/progress.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/lib/domain/backup.ts';
import { historyFromEvents, historyFromStats } from '../../src/lib/domain/quiz-results.ts';
import type { AnswerEvent, CardRecord } from '../../src/lib/domain/records.ts';
import { DB_NAME, closeDB, getDB, upgrade } from '../../src/lib/storage/db.ts';
import type { FactdeckDB } from '../../src/lib/storage/schema.ts';
import { deviceTimeZone } from '../../src/lib/clock.ts';
import { exportBackup, importBackup } from '../../src/lib/storage/backup.ts';
import { deleteLearner } from '../../src/lib/storage/learners.ts';
import {
	countDueCards,
	listCards,
	listEvents,
	listItemStats,
	loadDashboardData
} from '../../src/lib/storage/progress.ts';

const TOPICS = [
	'people',
	'places',
	'timeline',
	'casualties',
	'claims',
	'reactions',
	'background',
	'talks'
];

function synthetic(events: number, cards: number, now: number): Backup {
	const learnerId = 'bench-learner';
	let seed = 42;
	const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const eventRows: AnswerEvent[] = Array.from({ length: events }, (_, i) => ({
		id: `e${i}`,
		learnerId,
		itemId: `item-${Math.floor(rand() * cards)}`,
		at: now - Math.floor(rand() * 365 * DAY_MS),
		source: rand() < 0.5 ? 'quiz' : 'flashcard',
		correct: rand() < 0.7,
		ms: 3000 + Math.floor(rand() * 9000)
	}));
	const cardRows: CardRecord[] = Array.from({ length: cards }, (_, i) => {
		const due = now + Math.floor((rand() - 0.3) * 30 * DAY_MS);
		return {
			learnerId,
			itemId: `item-${i}`,
			due,
			memory: {
				due,
				stability: 5,
				difficulty: 5,
				elapsedDays: 1,
				scheduledDays: 3,
				learningSteps: 0,
				reps: 3,
				lapses: 0,
				state: 'review',
				lastReview: now - DAY_MS
			}
		};
	});
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		bankVersion: 1,
		learners: [
			{
				learner: { id: learnerId, name: 'Bench', colour: '#1d4ed8', createdAt: now - 366 * DAY_MS },
				events: eventRows,
				cards: cardRows,
				attempts: [],
				assignments: []
			}
		]
	};
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
	const t0 = performance.now();
	const result = await work();
	return [performance.now() - t0, result];
}

/**
 * A database of version 1 (before the aggregates) holding the backup's records, written
 * directly; then the app opens it, which runs the upgrade to version 2 and its backfill.
 */
async function timeMigration(backup: Backup): Promise<[number, number]> {
	await closeDB();
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
	const old = await openDB<FactdeckDB>(DB_NAME, 1, { upgrade });
	const tx = old.transaction(['learners', 'events', 'cards'], 'readwrite');
	const [block] = backup.learners;
	await Promise.all([
		tx.objectStore('learners').put(block.learner),
		...block.events.map((e) => tx.objectStore('events').put(e)),
		...block.cards.map((c) => tx.objectStore('cards').put(c)),
		tx.done
	]);
	old.close();
	const [ms, db] = await time(() => getDB());
	const items = await db.count('itemStats');
	await deleteLearner(block.learner.id);
	return [ms, items];
}

export async function run(events: number, cards: number) {
	const now = Date.now();
	const timeZone = deviceTimeZone();
	const backup = synthetic(events, cards, now);
	const learnerId = backup.learners[0].learner.id;
	const [importMs] = await time(() => importBackup(backup));
	await closeDB();
	const endOfToday = now + DAY_MS;
	const [openAndCountMs, due] = await time(async () => {
		await getDB();
		return countDueCards(learnerId, endOfToday);
	});
	const items = Array.from({ length: cards }, (_, i) => ({
		id: `item-${i}`,
		topic: TOPICS[i % TOPICS.length],
		prompt: `Question ${i}`
	}));
	const topics = TOPICS.map((id) => ({ id, name: id }));
	const context = { items, topics, now, timeZone };

	// The dashboard as /progress computes it: aggregates and cards, never the events.
	const [readMs, data] = await time(() => loadDashboardData(learnerId));
	const [computeMs, dashboard] = await time(() => computeDashboard({ ...context, ...data }));

	// The same dashboard the way it was computed before the aggregates, for comparison.
	const [eventsReadMs, [evs, cds]] = await time(() =>
		Promise.all([listEvents(learnerId), listCards(learnerId)])
	);
	const [eventsComputeMs, fromEvents] = await time(() =>
		computeDashboard({ ...context, events: evs, cards: cds })
	);
	if (JSON.stringify(dashboard) !== JSON.stringify(fromEvents)) {
		throw new Error('the dashboard from aggregates differs from the one from events');
	}

	// The smart quiz's history: from the aggregates, and (before) from every event.
	const [quizHistoryMs, history] = await time(async () =>
		historyFromStats(await listItemStats(learnerId))
	);
	const [quizHistoryFromEventsMs] = await time(async () =>
		historyFromEvents(await listEvents(learnerId))
	);

	const [exportMs, exported] = await time(() => exportBackup([learnerId], now, 1));
	const [stringifyMs, text] = await time(() => JSON.stringify(exported));
	const estimate = await navigator.storage.estimate();
	await deleteLearner(learnerId);
	const [migrationMs, migratedItems] = await timeMigration(backup);
	if (migratedItems !== Object.keys(history).length) {
		throw new Error(
			`the upgrade built ${migratedItems} item aggregates, expected ${Object.keys(history).length}`
		);
	}
	return {
		events,
		cards,
		due,
		importMs,
		openAndCountMs,
		dashboardReadMs: readMs,
		dashboardComputeMs: computeMs,
		dashboardMs: readMs + computeMs,
		dashboardFromEventsMs: eventsReadMs + eventsComputeMs,
		dashboardFromEventsComputeMs: eventsComputeMs,
		quizHistoryMs,
		quizHistoryFromEventsMs,
		migrationMs,
		exportMs: exportMs + stringifyMs,
		backupMB: text.length / 1024 / 1024,
		databaseMB: (estimate.usage ?? 0) / 1024 / 1024
	};
}
