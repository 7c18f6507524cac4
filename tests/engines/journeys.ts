/**
 * The core journeys, written once for every engine (issue 12, item 2). Each gets a `World`:
 * fresh profiles of the engine under test (the runner closes them after the journey), and the
 * static server it may stop and start.
 * Elements are found as a person names them; every wait is on a condition.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank, readPublishedIds } from '../../scripts/bank-load.ts';
import type { Item, ItemOf } from '../../src/lib/domain/bank.ts';
import { encodeAssignmentLink } from '../../src/lib/domain/assignment-link.ts';
import { presentItem } from '../../src/lib/domain/quiz.ts';
import { createRng } from '../../src/lib/domain/random.ts';
import { generateTeacherKeys } from '../../src/lib/domain/teacher-keys.ts';
import { ROUTES } from '../e2e/helpers.ts';
import { heading, label, role, text, within, type Session } from './driver.ts';

export interface World {
	/** A new profile of the engine under test (nothing stored, no service worker). */
	profile(origin?: string): Promise<Session>;
	/** The profile the study journeys share (quiz, flashcards, progress, backup), in order. */
	learner(): Promise<Session>;
	stopServer(): Promise<void>;
	startServer(): Promise<void>;
	/** The origin of a second server whose pages run with IndexedDB switched off. */
	noIndexedDbOrigin: string;
}

export interface Journey {
	name: string;
	run(world: World): Promise<void>;
}

const { bank } = loadBank();
const items = bank!.items;
const byKind = <K extends Item['kind']>(kind: K) =>
	items.filter((i): i is ItemOf<K> => i.kind === kind && !i.exclusionGroup);
/**
 * Items of a kind, groups or not: the seeded quiz is not drawn, so groups do not matter. Bank
 * version 2 fenced off every ordering and matching item.
 */
const anyOfKind = <K extends Item['kind']>(kind: K) =>
	items.filter((i): i is ItemOf<K> => i.kind === kind);
const expect = (ok: boolean, what: string) => {
	if (!ok) throw new Error(what);
};
const eq = <T>(got: T, want: T, what: string) =>
	expect(
		JSON.stringify(got) === JSON.stringify(want),
		`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`
	);

const whoIsStudying = role('group', 'Who is studying');
const main = role('main');
const feedback = role('region', 'Feedback');

/** Opens a page and waits until it is live (the learner chips are there). */
async function ready(s: Session, path: string) {
	await s.goto(path);
	await s.see(whoIsStudying);
}

/** Counts the records of some stores of the app's database, with plain IndexedDB calls. */
function countStores(s: Session, stores: string[]) {
	return s.evaluate(async (stores: string[]) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const out: number[] = [];
		for (const store of stores)
			out.push(
				await new Promise<number>((resolve, reject) => {
					const r = db.transaction(store).objectStore(store).count();
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				})
			);
		db.close();
		return out;
	}, stores);
}

const offline: Journey = {
	name: 'first visit: the service worker takes control; every route reloads with the server stopped',
	async run(world) {
		const s = await world.profile();
		await ready(s, '/');
		await s.serviceWorkerInControl();
		// Said on the next page, so that nothing moves on the page where the worker got ready.
		await s.click(within(role('navigation', 'Main'), role('link', 'About')));
		await s.expectText(heading(1), 'About the source');
		await s.see(text('Factdeck is ready to work offline.'));
		await world.stopServer();
		try {
			for (const route of ROUTES) {
				await s.goto(route.path);
				await s.expectText(heading(1), route.heading);
				await s.reload();
				await s.expectText(heading(1), route.heading);
			}
			// A query string (how shared data travels) still finds the precached page.
			await s.goto('/about?from=link');
			await s.expectText(heading(1), 'About the source');
		} finally {
			await world.startServer();
		}
	}
};

/** Ten questions covering every kind, and how each is answered (tap or keys, right or wrong). */
const plan: { item: Item; way: 'tap' | 'keys'; right: boolean }[] = [
	{ item: byKind('single')[0], way: 'tap', right: true },
	{ item: byKind('truefalse')[0], way: 'keys', right: true },
	{ item: byKind('typed')[0], way: 'keys', right: true },
	{ item: byKind('numeric')[0], way: 'keys', right: true },
	{ item: byKind('multi')[0], way: 'tap', right: true },
	{ item: anyOfKind('ordering')[0], way: 'tap', right: true },
	{ item: anyOfKind('matching')[0], way: 'tap', right: true },
	{ item: byKind('single')[1], way: 'keys', right: false },
	{ item: byKind('truefalse')[1], way: 'tap', right: false },
	{ item: byKind('typed')[1], way: 'tap', right: true }
];

/** Stores a quiz attempt in the app's database, as the generator would have made it. */
async function seedAttempt(s: Session): Promise<string> {
	const questions = plan.map(({ item }, i) => presentItem(createRng(i + 1), item));
	return s.evaluate(async (questions: unknown[]) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const learnerId = await new Promise<string>((resolve, reject) => {
			const r = db.transaction('settings').objectStore('settings').get('currentLearnerId');
			r.onsuccess = () => resolve(r.result.value);
			r.onerror = () => reject(r.error);
		});
		const now = Date.now();
		const attempt = {
			id: 'seeded-attempt',
			learnerId,
			kind: 'quiz',
			status: 'in-progress',
			title: 'Every kind',
			startedAt: now,
			updatedAt: now,
			config: {
				options: { length: 10, mode: 'practice', seed: 1, topics: [], difficulties: [], kinds: [] }
			},
			questions,
			answers: []
		};
		const tx = db.transaction('attempts', 'readwrite');
		tx.objectStore('attempts').put(attempt);
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
		return attempt.id;
	}, questions);
}

async function answer(s: Session, { item, way, right }: (typeof plan)[number]) {
	const inMain = (q: Parameters<typeof within>[1]) => within(main, q);
	switch (item.kind) {
		case 'single': {
			const option = right ? item.answer : item.options.find((o) => o !== item.answer)!;
			if (way === 'tap') await s.click(inMain(role('radio', option)));
			else {
				const shown = await s.run(
					(fdq) =>
						fdq
							.all({ role: 'radio' })
							.map((e) => (e.closest('label') as HTMLElement).innerText.replace(/\s+/g, ' ')),
					undefined
				);
				const n = shown.findIndex((t) => t.includes(option)) + 1;
				await s.press(String(n) as '1');
			}
			break;
		}
		case 'truefalse': {
			const value = right ? item.answer : !item.answer;
			if (way === 'keys') await s.press(value ? '1' : '2');
			else await s.click(inMain(role('radio', value ? 'True' : 'False')));
			break;
		}
		case 'multi':
			for (const a of item.answers) await s.check(inMain(role('checkbox', a)));
			break;
		case 'typed':
			await s.fill(inMain(label('Your answer')), right ? item.answer : 'Baku');
			break;
		case 'numeric':
			await s.fill(inMain(role('textbox')), `${item.answer.toLocaleString('en')} ${item.unit}`);
			break;
		case 'ordering':
			for (let target = 0; target < item.sequence.length; target++) {
				const entry = item.sequence[target];
				const rows = await s.run(
					(fdq) =>
						fdq.all({ role: 'listitem', within: { role: 'main' } }).map((e) => e.textContent ?? ''),
					undefined
				);
				let at = rows.findIndex((r) => r.includes(entry));
				while (at > target) {
					await s.click(inMain(role('button', `Move ${entry} up`)));
					at--;
					await s.until(
						`${entry} to move up`,
						() =>
							s.run(
								(fdq) =>
									fdq
										.all({ role: 'listitem', within: { role: 'main' } })
										.map((e) => e.textContent ?? ''),
								undefined
							),
						(now) => now.findIndex((r) => r.includes(entry)) === at
					);
				}
			}
			break;
		case 'matching':
			// One tap per pair: each entry is a group of radio buttons, one per match.
			for (const pair of item.pairs)
				await s.check(
					within(
						within(main, role('group', pair.left)),
						// Whole name: 'Azerbaijan' must not find "Azerbaijan's state news agency".
						role('radio', new RegExp(`^${pair.right.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
					)
				);
			break;
	}
	if (way === 'keys') await s.press('Enter');
	// In practice mode a tap on a single-choice or true/false option checks it at once.
	else if (item.kind !== 'single' && item.kind !== 'truefalse')
		await s.click(inMain(role('button', 'Check answer')));
}

const quiz: Journey = {
	name: 'a quiz of every kind, right and wrong, with feedback, results and a resume after a reload',
	async run(world) {
		const s = await world.learner();
		await ready(s, '/');
		const attemptId = await seedAttempt(s);
		await s.goto(`/quiz/play?attempt=${attemptId}`);
		for (const [i, step] of plan.entries()) {
			if (i === 5) {
				// Halfway: a reload resumes at the next question, the answers kept.
				await s.reload();
			}
			await s.see(text(`Question ${i + 1} of 10`));
			await s.expectText(heading(2), step.item.prompt);
			await answer(s, step);
			await s.expectContains(feedback, step.right ? 'Right' : 'Not quite');
			await s.expectContains(feedback, /Source: paragraphs? \d+/);
			await s.expectContains(feedback, step.item.explanation);
			if (step.way === 'keys') await s.press('Enter');
			else await s.click(role('button', i === 9 ? 'See results' : 'Next question'));
		}
		await s.expectText(heading(1), 'Results: Every kind');
		await s.see(text('8 of 10 right'));
		await s.reload();
		await s.see(text('8 of 10 right'));
	}
};

/** Every card record of the database. */
function storedCards(s: Session) {
	return s.evaluate(
		() =>
			new Promise<{ itemId: string; due: number }[]>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onsuccess = () => {
					const request = open.result.transaction('cards').objectStore('cards').getAll();
					request.onsuccess = () => {
						resolve(request.result);
						open.result.close();
					};
					request.onerror = () => reject(request.error);
				};
				open.onerror = () => reject(open.error);
			}),
		null
	);
}

const flashcards: Journey = {
	name: 'eight flashcards graded (keys, buttons, swipes), one undone; the schedule survives a reload',
	async run(world) {
		const s = await world.learner();
		await ready(s, '/flashcards');
		await s.fill(label('New cards per day'), '8');
		await s.click(role('button', 'Save'));
		await s.see(role('status', undefined, { hasText: 'up to 8 new cards a day' }));
		await s.goto('/flashcards/study?deck=all');
		type How = 'keys' | 'button' | 'swipe';
		const steps: { how: How; grade: 'Again' | 'Good' | 'Easy'; undo?: boolean }[] = [
			{ how: 'keys', grade: 'Easy' },
			{ how: 'keys', grade: 'Again' },
			{ how: 'button', grade: 'Good', undo: true },
			{ how: 'swipe', grade: 'Again' },
			{ how: 'swipe', grade: 'Good' },
			{ how: 'button', grade: 'Easy' },
			{ how: 'keys', grade: 'Again' },
			{ how: 'button', grade: 'Good' }
		];
		const answer = role('region', 'Answer');
		const grade = async (how: How, name: 'Again' | 'Good' | 'Easy') => {
			if (how === 'keys') await s.press(({ Again: '1', Good: '3', Easy: '4' } as const)[name]);
			else if (how === 'button') await s.click(role('button', new RegExp(`^${name}, next in`)));
			else await s.swipe({ css: '.card-area' }, name === 'Again' ? 'left' : 'right');
		};
		for (const [i, step] of steps.entries()) {
			await s.see(text(`Card ${i + 1} of 8`));
			await s.expectCount(answer, 0);
			if (step.how === 'keys') await s.press('Space');
			else await s.click(role('button', 'Show answer'));
			await s.expectContains(answer, /Source: paragraphs? \d+/);
			await grade(step.how, step.grade);
			if (step.undo) {
				await s.see(text(`Card ${i + 2} of 8`));
				await s.until(
					'the graded card to be stored',
					() => storedCards(s),
					(c) => c.length === i + 1
				);
				await s.click(role('button', 'Undo last grade'));
				await s.see(text(`Card ${i + 1} of 8`));
				await s.see(answer);
				await s.until(
					'the undone card to be gone',
					() => storedCards(s),
					(c) => c.length === i
				);
				await grade('keys', 'Easy');
				step.grade = 'Easy';
			}
		}
		await s.see(role('heading', 'Session complete'));
		await s.expectText(role('definition', undefined, { nth: 0 }), '8');
		const known = steps.filter((st) => st.grade !== 'Again').length;
		await s.expectText(role('definition', undefined, { nth: 1 }), String(known));
		// Again and Good come back within minutes (so today); Easy waits days.
		const dueToday = steps.filter((st) => st.grade !== 'Easy').length;
		await s.goto('/');
		await s.reload();
		// No new card: the eight a day are used up.
		await s.see(text(`${dueToday} review${dueToday === 1 ? '' : 's'} ready today.`));
		const cards = await storedCards(s);
		eq(cards.length, 8, 'cards stored');
		const endOfToday = new Date().setHours(24, 0, 0, 0);
		eq(cards.filter((c) => c.due < endOfToday).length, dueToday, 'cards due today in the database');
	}
};

const progress: Journey = {
	name: 'the progress page shows the quiz and the flashcards',
	async run(world) {
		const s = await world.learner();
		await ready(s, '/progress');
		await s.expectText(heading(1), 'Progress: Learner 1');
		// Ten quiz answers and eight grades (the undone one is not counted).
		await s.expectText(role('definition', undefined, { nth: 1 }), '18');
		const history = role('region', 'Quiz history');
		await s.expectContains(history, 'Every kind');
		await s.expectContains(history, '80%');
	}
};

/** Waits for a finished download in the folder whose name matches, and returns its path. */
async function downloaded(s: Session, dir: string, name: RegExp): Promise<string> {
	const file = await s.until(
		`a download named ${name} in ${dir}`,
		async () => readdirSync(dir).find((f) => name.test(f)),
		(f) => f !== undefined
	);
	const path = join(dir, file!);
	// Complete when it parses: the browser may still be writing it.
	await s.until(
		'the download to be complete',
		async () => readFileSync(path, 'utf8'),
		(t) => {
			try {
				JSON.parse(t);
				return true;
			} catch {
				return false;
			}
		}
	);
	return path;
}

const backup: Journey = {
	name: 'a backup downloaded and imported into a fresh profile',
	async run(world) {
		const s = await world.learner();
		await ready(s, '/settings');
		await s.click(role('button', "Download Learner 1's backup"));
		const path = await downloaded(s, s.driver.downloadDir, /^factdeck-backup-.*\.json$/);
		const file = JSON.parse(readFileSync(path, 'utf8'));
		eq(file.format, 'factdeck-backup', 'backup format');
		eq(file.learners.length, 1, 'learners in the backup');
		eq(file.learners[0].events.length, 18, 'answers in the backup');

		const fresh = await world.profile();
		{
			await ready(fresh, '/settings');
			await fresh.expectCount(within(whoIsStudying, role('button')), 1);
			await fresh.upload(label('Choose a backup file'), path);
			const preview = role('region', 'Backup to import');
			await fresh.expectContains(preview, '1 learner');
			await fresh.click(within(preview, role('button', 'Import')));
			await fresh.see(role('status', undefined, { hasText: 'Imported 1 learner' }));
			await fresh.click(within(whoIsStudying, role('button', /Switch to Learner 1/)));
			await fresh.goto('/progress');
			await fresh.expectText(role('definition', undefined, { nth: 1 }), '18');
			// A damaged file is refused and changes nothing.
			const broken = join(s.driver.downloadDir, 'broken.json');
			writeFileSync(broken, '{"format":"factdeck-backup","version":1,"learn');
			await fresh.goto('/settings');
			await fresh.upload(label('Choose a backup file'), broken);
			await fresh.see(role('alert', undefined, { hasText: 'not complete JSON' }));
			await fresh.see(role('alert', undefined, { hasText: 'Nothing was changed.' }));
		}
	}
};

const TITLE = 'Week 1: the offensive';
const set = {
	tf: byKind('truefalse')[0],
	single: byKind('single')[0],
	numeric: byKind('numeric')[0]
};

const assignment: Journey = {
	name: 'a teacher composes a set; a student takes it offline; the class report shows the result',
	async run(world) {
		const teacher = await world.profile();
		const student = await world.profile();
		{
			await ready(teacher, '/teach');
			await teacher.click(role('link', 'New set'));
			await teacher.expectText(heading(1), 'New set');
			await teacher.fill(role('textbox', 'Title'), TITLE);
			await teacher.fill(role('textbox', /Instructions/), 'Do it on the bus.');
			await teacher.check(role('radio', /test mode/));
			await teacher.check(role('checkbox', /Shuffle/), false);
			await teacher.check(role('checkbox', /Show students the right answers/), false);
			await teacher.select(role('combobox', 'Tries each student may take'), '2');
			for (const item of [set.tf, set.single, set.numeric]) {
				await teacher.fill(within(main, role('searchbox', 'Words')), item.prompt.slice(0, 40));
				await teacher.check(within(main, role('checkbox', item.prompt)));
			}
			await teacher.see(role('group', /Questions in the set \(3 of/));
			await teacher.click(role('button', 'Save set'));
			await teacher.expectText(heading(1), TITLE);
			// The first share asks for the teacher's name, once.
			await teacher.click(role('button', 'Share this set'));
			await teacher.fill(role('textbox', 'Your name, as your students know you'), 'Ms Aliyeva');
			await teacher.click(role('button', 'Share this set'));
			const linkBox = role('textbox', 'Assignment link');
			await teacher.expectValue(linkBox, /\/join#/);
			await teacher.see(role('img', 'QR code of the assignment link'));
			const url = await teacher.value(linkBox);
			await teacher.serviceWorkerInControl();

			await ready(student, '/');
			await student.serviceWorkerInControl();
			await world.stopServer();
			try {
				await student.goto(url);
				await student.expectText(heading(1), TITLE);
				await student.see(text('Assignment from Ms Aliyeva'));
				await student.see(text('3 questions, quiz in test mode'));
				await student.fill(role('textbox', 'Your name, as your teacher knows you'), 'Ana Student');
				await student.click(role('button', 'Accept assignment'));
				await student.see(role('button', 'Start'));
				await student.goto('/');
				const assigned = role('region', 'Assigned');
				await student.click(within(assigned, role('link', TITLE)));
				await student.click(role('button', 'Start'));
				await student.expectText(heading(2), set.tf.prompt);
				await student.click(within(main, role('radio', set.tf.answer ? 'True' : 'False')));
				await student.click(within(main, role('button', 'Save and continue')));
				await student.expectText(heading(2), set.single.prompt);
				const wrong = set.single.options.find((o) => o !== set.single.answer)!;
				await student.click(within(main, role('radio', wrong)));
				await student.click(within(main, role('button', 'Save and continue')));
				await student.expectText(heading(2), set.numeric.prompt);
				await student.fill(within(main, role('textbox')), String(set.numeric.answer));
				await student.click(within(main, role('button', 'Save and continue')));
				await student.expectText(heading(1), `Results: ${TITLE}`);
				await student.see(text('2 of 3 right'));
				// The name given on accepting is offered again.
				await student.expectValue(
					role('textbox', 'Your name, as your teacher knows you'),
					'Ana Student'
				);
				await student.click(role('button', 'Make my result link'));
				const resultBox = role('textbox', 'Your result link');
				await student.expectValue(resultBox, /\/collect#/);
				const resultUrl = await student.value(resultBox);

				await teacher.goto(resultUrl);
				await teacher.expectText(heading(1), 'Result added');
				await teacher.see(text(`Added: Ana Student, try 1, to "${TITLE}".`));
				await teacher.click(role('link', `Class report: ${TITLE}`));
				const roster = role('table', 'Roster');
				await teacher.expectContains(within(roster, role('row', /Ana Student/)), '2 of 3 (67%)');
			} finally {
				await world.startServer();
			}
		}
	}
};

const damagedLink: Journey = {
	name: 'a damaged assignment link gives a clear message and stores nothing',
	async run(world) {
		const s = await world.profile();
		await ready(s, '/');
		const keys = await generateTeacherKeys();
		const code = encodeAssignmentLink(
			{
				id: '0123456789abcdef',
				revision: 1,
				bankVersion: bank!.version,
				teacherName: 'Ms A',
				teacherKey: keys.publicKey,
				settings: {
					title: 'Damaged',
					instructions: '',
					itemIds: byKind('truefalse')
						.slice(0, 3)
						.map((i) => i.id),
					mode: 'practice',
					shuffle: false,
					dueDate: null,
					showAnswers: true,
					tries: 0
				}
			},
			{ version: bank!.version, published: readPublishedIds() }
		);
		// One character changed in the middle, as a bad copy would do.
		const at = Math.floor(code.length / 2);
		const damaged = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
		for (const link of [`/join#${damaged}`, `/join#${code.slice(0, -12)}`]) {
			await s.goto(link);
			await s.expectText(heading(1), 'This assignment link cannot be opened');
			await s.expectContains(role('alert'), /./);
		}
		await s.goto('/join#not a link at all');
		await s.see(role('alert', undefined, { hasText: /not .*Factdeck/i }));
		await s.goto('/collect#FDKrAAAAAAAA');
		await s.expectText(heading(1), 'This result cannot be added');
		await s.see(text('Nothing was stored.'));
		eq(await countStores(s, ['assignments', 'results']), [0, 0], 'assignments and results stored');
	}
};

const noIndexedDb: Journey = {
	name: 'with IndexedDB unavailable the banner shows and every page opens',
	async run(world) {
		const s = await world.profile(world.noIndexedDbOrigin);
		for (const route of ROUTES) {
			await s.goto(route.path);
			await s.expectText(heading(1), route.heading);
			await s.see(role('alert', undefined, { hasText: 'will not let Factdeck store anything' }));
		}
		eq(await s.evaluate(() => typeof indexedDB, null), 'undefined', 'indexedDB in the page');
	}
};

export const JOURNEYS: Journey[] = [
	offline,
	quiz,
	flashcards,
	progress,
	backup,
	assignment,
	damagedLink,
	noIndexedDb
];
