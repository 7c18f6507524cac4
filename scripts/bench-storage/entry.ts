/**
 * Runs inside Chromium (bundled by scripts/bench-storage.ts): fills the real IndexedDB with a
 * synthetic learner and times the app's own storage functions.
 */
import { computeDashboard } from '../../src/lib/domain/progress.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../src/lib/domain/backup.ts';
import type { AnswerEvent, CardRecord } from '../../src/lib/domain/records.ts';
import { closeDB, getDB } from '../../src/lib/storage/db.ts';
import { exportBackup, importBackup } from '../../src/lib/storage/backup.ts';
import { deleteLearner } from '../../src/lib/storage/learners.ts';
import { countDueCards, listCards, listEvents } from '../../src/lib/storage/progress.ts';

const DAY = 86_400_000;
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
		at: now - Math.floor(rand() * 365 * DAY),
		source: rand() < 0.5 ? 'quiz' : 'flashcard',
		correct: rand() < 0.7,
		ms: 3000 + Math.floor(rand() * 9000)
	}));
	const cardRows: CardRecord[] = Array.from({ length: cards }, (_, i) => {
		const due = now + Math.floor((rand() - 0.3) * 30 * DAY);
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
				lastReview: now - DAY
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
				learner: { id: learnerId, name: 'Bench', colour: '#1d4ed8', createdAt: now - 366 * DAY },
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

export async function run(events: number, cards: number) {
	const now = Date.now();
	const backup = synthetic(events, cards, now);
	const learnerId = backup.learners[0].learner.id;
	const [importMs] = await time(() => importBackup(backup));
	await closeDB();
	const endOfToday = now + DAY;
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
	const [readMs, [evs, cds]] = await time(() =>
		Promise.all([listEvents(learnerId), listCards(learnerId)])
	);
	const [computeMs] = await time(() =>
		computeDashboard({ events: evs, cards: cds, items, topics, now, timeZone: 'Europe/Paris' })
	);
	const [exportMs, exported] = await time(() => exportBackup([learnerId], now, 1));
	const [stringifyMs, text] = await time(() => JSON.stringify(exported));
	const estimate = await navigator.storage.estimate();
	await deleteLearner(learnerId);
	return {
		events,
		cards,
		due,
		importMs,
		openAndCountMs,
		dashboardReadMs: readMs,
		dashboardComputeMs: computeMs,
		dashboardMs: readMs + computeMs,
		exportMs: exportMs + stringifyMs,
		backupMB: text.length / 1024 / 1024,
		databaseMB: (estimate.usage ?? 0) / 1024 / 1024
	};
}
