/**
 * Starting quizzes and playing one: the rune class behind /quiz/play. Every answer is
 * checked, then written with the attempt in one transaction; feedback appears only once the
 * write has committed, so what the person sees as saved is saved.
 */
import { bank, getItem, getVocabulary } from '$lib/bank';
import type { Item } from '$lib/domain/bank';
import { checkAnswer, type AnswerResponse, type CheckResult } from '$lib/domain/check-answer';
import { afterQuizAnswer } from '$lib/domain/decks';
import { generateQuiz, type QuizOptions, type QuizQuestion } from '$lib/domain/quiz';
import { historyFromStats } from '$lib/domain/quiz-results';
import type { AnswerEvent, Attempt, AttemptAnswer } from '$lib/domain/records';
import { assignmentConfig } from '$lib/domain/assignment-take';
import type { ReceivedAssignment } from '$lib/domain/assignment';
import { getReceived } from '$lib/storage/assignments';
import { getAttempt, getCard, listItemStats, saveAnswer, saveAttempt } from '$lib/storage/progress';

export type StartResult = { ok: true; attemptId: string } | { ok: false; reason: string };

/** Generates a quiz for a learner and stores it as an attempt in progress. */
export async function startQuiz(
	learnerId: string,
	options: Omit<QuizOptions, 'seed'>,
	title: string
): Promise<StartResult> {
	const seed = crypto.getRandomValues(new Uint32Array(1))[0];
	// The per-item aggregates (one record per item answered), not every answer event.
	const history = options.smart ? historyFromStats(await listItemStats(learnerId)) : undefined;
	const full: QuizOptions = { ...options, seed };
	const generated = generateQuiz(bank.items, full, history);
	if (!generated.ok) return { ok: false, reason: generated.reason };
	const now = Date.now();
	const attempt: Attempt = {
		id: crypto.randomUUID(),
		learnerId,
		kind: 'quiz',
		status: 'in-progress',
		title,
		startedAt: now,
		updatedAt: now,
		config: { options: full },
		questions: generated.questions,
		answers: []
	};
	await saveAttempt(attempt);
	return { ok: true, attemptId: attempt.id };
}

/** The quiz to play: a session on the stored attempt, or null when there is no such attempt. */
export async function openQuiz(attemptId: string | null): Promise<QuizSession | null> {
	const attempt = attemptId ? await getAttempt(attemptId) : undefined;
	return attempt ? new QuizSession(attempt) : null;
}

/** A finished (or abandoned) attempt, with the assignment it was a try at, if any. */
export interface AttemptView {
	attempt: Attempt;
	received: ReceivedAssignment | null;
}

/** What the results page shows; null when there is no such attempt. */
export async function loadAttempt(attemptId: string | null): Promise<AttemptView | null> {
	const attempt = attemptId ? await getAttempt(attemptId) : undefined;
	if (!attempt) return null;
	const assignment = assignmentConfig(attempt);
	const received = assignment
		? ((await getReceived(attempt.learnerId, assignment.id)) ?? null)
		: null;
	return { attempt, received };
}

export class QuizSession {
	#attempt = $state.raw<Attempt>() as Attempt;
	#response = $state.raw<AnswerResponse | null>(null);
	/** Feedback for the question just answered (practice mode), until "Next". */
	#result = $state.raw<CheckResult | null>(null);
	#saving = $state(false);
	#shownAt: number;

	constructor(attempt: Attempt, now = Date.now()) {
		// Questions whose item was retired since the quiz began are left out, with their
		// answers, so an old unfinished quiz can still be finished.
		this.#attempt = {
			...attempt,
			questions: attempt.questions.filter((q) => getItem(q.itemId)),
			answers: attempt.answers.filter((a) => getItem(a.itemId))
		};
		this.#shownAt = now;
	}

	get attempt() {
		return this.#attempt;
	}

	/** Whose quiz this is: answers are recorded for this learner only. */
	get learnerId() {
		return this.#attempt.learnerId;
	}

	get mode() {
		return this.#attempt.config.options.mode;
	}

	get total() {
		return this.#attempt.questions.length;
	}

	get answered() {
		return this.#attempt.answers.length;
	}

	/** The position (0-based) of the question on screen. */
	get index() {
		return this.#result ? this.answered - 1 : this.answered;
	}

	get question(): QuizQuestion | undefined {
		return this.#attempt.questions[this.index];
	}

	get item(): Item | undefined {
		const question = this.question;
		return question ? getItem(question.itemId) : undefined;
	}

	get response() {
		return this.#response;
	}

	set response(value: AnswerResponse | null) {
		this.#response = value;
	}

	get result() {
		return this.#result;
	}

	get saving() {
		return this.#saving;
	}

	/** Every question answered (in practice mode the last feedback may still be on screen). */
	get complete() {
		return this.answered >= this.total;
	}

	/** Checks and saves the current answer. Throws (nothing saved) when storage fails. */
	async submit(now = Date.now()): Promise<CheckResult | null> {
		const item = this.item;
		if (!item || this.#result || this.#saving || this.#response === null) return null;
		const response = $state.snapshot(this.#response) as AnswerResponse;
		const result = checkAnswer(item, response, { vocabulary: getVocabulary() });
		const ms = Math.max(0, now - this.#shownAt);
		const answer: AttemptAnswer = {
			itemId: item.id,
			response,
			correct: result.correct,
			score: result.score,
			ms,
			at: now
		};
		const attempt: Attempt = {
			...this.#attempt,
			answers: [...this.#attempt.answers, answer],
			updatedAt: now
		};
		const event: AnswerEvent = {
			id: crypto.randomUUID(),
			learnerId: attempt.learnerId,
			itemId: item.id,
			at: now,
			source: attempt.kind === 'assignment' ? 'assignment' : 'quiz',
			correct: result.correct,
			response,
			ms,
			attemptId: attempt.id
		};
		this.#saving = true;
		try {
			// A wrong answer makes the item's flashcard due again (decks.ts afterQuizAnswer).
			const card = result.correct
				? undefined
				: afterQuizAnswer(await getCard(attempt.learnerId, item.id), false, now);
			await saveAnswer({ event, attempt, card });
		} finally {
			this.#saving = false;
		}
		this.#attempt = attempt;
		if (this.mode === 'practice') {
			this.#result = result;
		} else {
			this.#next(now);
		}
		return result;
	}

	/** Leaves the feedback and shows the next question. */
	next(now = Date.now()) {
		this.#result = null;
		this.#next(now);
	}

	#next(now: number) {
		this.#response = null;
		this.#shownAt = now;
	}

	/** Marks the attempt finished (after the last answer). */
	async finish(now = Date.now()): Promise<void> {
		if (this.#attempt.status === 'finished') return;
		const attempt: Attempt = {
			...this.#attempt,
			status: 'finished',
			finishedAt: now,
			updatedAt: now
		};
		await saveAttempt(attempt);
		this.#attempt = attempt;
	}
}
