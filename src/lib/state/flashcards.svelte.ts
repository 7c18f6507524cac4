/**
 * A flashcard study session: the rune class behind /flashcards/study. Each grade is written
 * with the card's new FSRS state in one transaction (storage/progress.ts saveAnswer), and
 * the last grades can be undone exactly (the previous card record is kept in memory).
 * A cram session records grades as answers but never changes a schedule.
 */
import { bank, getItem } from '$lib/bank';
import { deviceTimeZone } from '$lib/clock';
import type { Item } from '$lib/domain/bank';
import {
	assignedDeckQueue,
	buildQueue,
	cramQueue,
	gradeCard,
	isDeckId,
	listDecks,
	missedInQuizzes,
	type Deck,
	type DeckId
} from '$lib/domain/decks';
import type { ReceivedAssignment } from '$lib/domain/assignment';
import type { AnswerEvent, CardRecord, Grade } from '$lib/domain/records';
import { createScheduler, type GradePreview, type Scheduler } from '$lib/domain/scheduler';
import { listReceived } from '$lib/storage/assignments';
import { listCards, listEvents, saveAnswer, undoAnswer } from '$lib/storage/progress';
import { getNewPerDay, setNewPerDay } from '$lib/storage/settings';

/** What both flashcard pages read: the learner's cards, answers, limit and assignments. */
async function readLearner(learnerId: string) {
	const [cards, events, newPerDay, received] = await Promise.all([
		listCards(learnerId),
		listEvents(learnerId),
		getNewPerDay(),
		listReceived(learnerId)
	]);
	return { cards: new Map(cards.map((c) => [c.itemId, c])), events, newPerDay, received };
}

/** The learner's decks: the bank's, "missed in quizzes", and each flashcard set assigned. */
function learnerDecks(events: readonly AnswerEvent[], received: readonly ReceivedAssignment[]) {
	const assigned = received
		.filter((r) => r.assignment.settings.mode === 'flashcards')
		.map((r) => ({
			assignmentId: r.id,
			title: r.assignment.settings.title,
			itemIds: r.assignment.settings.itemIds
		}));
	return listDecks(bank.items, bank.topics, missedInQuizzes(events), assigned);
}

export interface DeckRow {
	deck: Deck;
	/** Cards of the deck due today. */
	due: number;
	/** New cards of the deck the learner may start today. */
	fresh: number;
}

export interface DeckList {
	rows: DeckRow[];
	/** The learner's daily limit of new cards. */
	newPerDay: number;
}

/** The deck list of /flashcards, with today's counts. */
export async function loadDecks(learnerId: string, now = Date.now()): Promise<DeckList> {
	const { cards, events, newPerDay, received } = await readLearner(learnerId);
	// A learner with no cards (every first visit) has no day to work out (buildQueue), and the
	// first read of the time zone, which loads the browser's date formatting data, is saved.
	const timeZone = cards.size ? deviceTimeZone() : null;
	const rows = learnerDecks(events, received).map((deck) => {
		const queue = buildQueue({ itemIds: deck.itemIds, cards, now, timeZone, newPerDay, seed: 1 });
		return { deck, due: queue.dueCount, fresh: queue.fresh.length };
	});
	return { rows, newPerDay };
}

/** Saves the daily limit of new cards. @throws RangeError when it is not one. */
export function saveNewPerDay(value: number): Promise<void> {
	return setNewPerDay(value);
}

/** What /flashcards/study was asked for (its query string). */
export interface StudyRequest {
	/** A deck id ('all' when none was given). */
	deck: string;
	cram: boolean;
	/** "Review these as flashcards" from a quiz: exactly these items; null otherwise. */
	items: string[] | null;
}

export function readStudyRequest(params: URLSearchParams): StudyRequest {
	const items = params.get('items');
	return {
		deck: params.get('deck') ?? 'all',
		cram: params.get('cram') === '1',
		items: items === null ? null : items.split(',')
	};
}

export type StudyStart =
	| {
			ok: true;
			session: StudySession;
			title: string;
			/** The assignment this deck belongs to, if any: the summary leads back to it. */
			assignmentId: string | null;
			/** The deck a cram of it can be offered for (a study of a deck, not a cram or a review). */
			cramDeck: DeckId | null;
	  }
	| { ok: false; problem: string };

/** Builds the queue a study request asks for and opens a session on it. */
export async function startStudy(
	learnerId: string,
	request: StudyRequest,
	now = Date.now(),
	seed = crypto.getRandomValues(new Uint32Array(1))[0]
): Promise<StudyStart> {
	const { cards, events, newPerDay, received } = await readLearner(learnerId);
	if (request.items !== null) {
		const ids = request.items.filter((id) => getItem(id) && !getItem(id)?.quizOnly);
		return {
			ok: true,
			session: new StudySession({ learnerId, queue: ids, cards }),
			title: 'Review: questions from your quiz',
			assignmentId: null,
			cramDeck: null
		};
	}
	const deck = isDeckId(request.deck)
		? learnerDecks(events, received).find((d) => d.id === request.deck)
		: undefined;
	if (!deck) return { ok: false, problem: 'This deck does not exist.' };
	const assigned = received.find((r) => `assignment:${r.id}` === deck.id);
	const input = {
		itemIds: deck.itemIds,
		cards,
		now,
		timeZone: deviceTimeZone(),
		newPerDay,
		seed
	};
	const queue = request.cram
		? cramQueue(deck.itemIds, seed)
		: assigned
			? assignedDeckQueue({ ...input, events, receivedAt: assigned.receivedAt })
			: (({ due, fresh }) => [...due, ...fresh])(buildQueue(input));
	return {
		ok: true,
		session: new StudySession({ learnerId, queue, cards, cram: request.cram }),
		title: `${request.cram ? 'Cram' : 'Study'}: ${deck.title}`,
		assignmentId: assigned?.id ?? null,
		cramDeck: request.cram || deck.itemIds.length === 0 ? null : deck.id
	};
}

interface Done {
	eventId: string;
	itemId: string;
	grade: Grade;
	/** The card record before this grade, or null when the grade created it. */
	previous: CardRecord | null;
	/** The card record after it (unchanged in a cram session). */
	after: CardRecord | null;
}

export interface StudySummary {
	seen: number;
	right: number;
	/** When the earliest of the graded cards is next due; null in cram or when none. */
	nextDue: number | null;
}

export class StudySession {
	readonly learnerId: string;
	readonly cram: boolean;
	readonly queue: readonly string[];
	#cards: Map<string, CardRecord>;
	#scheduler: Scheduler;
	#done = $state.raw<Done[]>([]);
	#flipped = $state(false);
	#saving = $state(false);
	/** The person ended the session before the last card. */
	#ended = $state(false);
	/** The time the card on screen was shown: its grade previews and its grade use it. */
	#shownAt = $state(0);

	constructor(options: {
		learnerId: string;
		queue: readonly string[];
		cards: ReadonlyMap<string, CardRecord>;
		cram?: boolean;
		now?: number;
		scheduler?: Scheduler;
	}) {
		this.learnerId = options.learnerId;
		this.queue = options.queue.filter((id) => getItem(id));
		// Not reactive on purpose: every change to it comes with a change to #done or
		// #shownAt, which is what the getters that read it depend on.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#cards = new Map(options.cards);
		this.cram = options.cram ?? false;
		this.#scheduler = options.scheduler ?? createScheduler();
		this.#shownAt = options.now ?? Date.now();
	}

	get total() {
		return this.queue.length;
	}

	get done() {
		return this.#done.length;
	}

	/** Every card graded, or the session ended early: the summary shows. */
	get finished() {
		return this.#ended || this.done >= this.total;
	}

	/** Ended by the person before the last card ("End session"). */
	get endedEarly() {
		return this.#ended && this.done < this.total;
	}

	/** Ends the session where it is: the cards graded so far are saved; the rest stay as they were. */
	end() {
		if (!this.#saving) this.#ended = true;
	}

	get item(): Item | undefined {
		const id = this.queue[this.done];
		return id ? getItem(id) : undefined;
	}

	get flipped() {
		return this.#flipped;
	}

	set flipped(value: boolean) {
		this.#flipped = value;
	}

	get saving() {
		return this.#saving;
	}

	get canUndo() {
		return this.#done.length > 0 && !this.#saving;
	}

	/** What each grade would do to the card on screen, for the button labels. */
	get previews(): Record<Grade, GradePreview> | null {
		const item = this.item;
		if (!item) return null;
		const memory = this.#cards.get(item.id)?.memory ?? this.#scheduler.newMemory(this.#shownAt);
		return this.#scheduler.preview(memory, this.#shownAt);
	}

	get summary(): StudySummary {
		const graded = this.#done.map((d) => d.after).filter((c): c is CardRecord => c !== null);
		return {
			seen: this.done,
			right: this.#done.filter((d) => d.grade !== 'again').length,
			nextDue: this.cram || graded.length === 0 ? null : Math.min(...graded.map((c) => c.due))
		};
	}

	/** Grades the card on screen and moves on, once the write has committed. */
	async grade(grade: Grade, now = Date.now()): Promise<void> {
		const item = this.item;
		if (!item || !this.#flipped || this.#saving) return;
		// Graded with the time its buttons were previewed, so the labels match the outcome.
		const at = this.#shownAt;
		const previous = this.#cards.get(item.id) ?? null;
		const after = this.cram
			? previous
			: gradeCard(this.#scheduler, {
					learnerId: this.learnerId,
					itemId: item.id,
					card: previous ?? undefined,
					grade,
					now: at
				});
		const event: AnswerEvent = {
			id: crypto.randomUUID(),
			learnerId: this.learnerId,
			itemId: item.id,
			at,
			source: 'flashcard',
			correct: grade !== 'again',
			grade,
			ms: Math.max(0, now - at)
		};
		this.#saving = true;
		try {
			await saveAnswer({ event, card: this.cram ? undefined : (after ?? undefined) });
		} finally {
			this.#saving = false;
		}
		// For `npm run bench`: from here to the next card on screen is script work only.
		performance.mark('factdeck:grade-saved');
		if (after) this.#cards.set(item.id, after);
		this.#done = [...this.#done, { eventId: event.id, itemId: item.id, grade, previous, after }];
		this.#flipped = false;
		this.#shownAt = now;
	}

	/** Takes back the last grade: the answer is deleted and the card is as it was before. */
	async undo(now = Date.now()): Promise<void> {
		const last = this.#done.at(-1);
		if (!last || this.#saving) return;
		this.#saving = true;
		try {
			// A cram grade changed no card, so undo leaves the card store alone.
			await undoAnswer(last.eventId, this.cram ? undefined : last.previous);
		} finally {
			this.#saving = false;
		}
		if (last.previous) this.#cards.set(last.itemId, last.previous);
		else this.#cards.delete(last.itemId);
		this.#done = this.#done.slice(0, -1);
		// Undoing from the summary goes back to the card, in the session again.
		this.#ended = false;
		this.#flipped = true;
		this.#shownAt = now;
	}
}
