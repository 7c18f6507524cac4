/**
 * A flashcard study session: the rune class behind /flashcards/study. Each grade is written
 * with the card's new FSRS state in one transaction (storage/progress.ts saveAnswer), and
 * the last grades can be undone exactly (the previous card record is kept in memory).
 * A cram session records grades as answers but never changes a schedule.
 */
import { getItem } from '$lib/bank';
import type { Item } from '$lib/domain/bank';
import { gradeCard } from '$lib/domain/decks';
import type { AnswerEvent, CardRecord, Grade } from '$lib/domain/records';
import { createScheduler, type GradePreview, type Scheduler } from '$lib/domain/scheduler';
import { saveAnswer, undoAnswer } from '$lib/storage/progress';

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

	get finished() {
		return this.done >= this.total;
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
		this.#flipped = true;
		this.#shownAt = now;
	}
}
