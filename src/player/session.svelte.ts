/**
 * One student's run of a SCORM package: the questions, the answers, and what the LMS is
 * told (lesson status, score, session time, one interaction per answer, suspend data to
 * resume). Without an LMS it is a practice run that records nothing.
 */
import type { Item } from '$lib/domain/bank';
import { checkAnswer, type AnswerResponse, type CheckResult } from '$lib/domain/check-answer';
import type { QuizQuestion } from '$lib/domain/quiz';
import { assignmentSeed } from '$lib/domain/assignment-take';
import { cmiTimespan, finishedStatus, interactionValues } from '$lib/domain/scorm-cmi';
import {
	decodeProgress,
	encodeProgress,
	itemsInOrder,
	newProgress,
	packageQuestions,
	percentOf,
	scoreOf,
	triesLeftAfter,
	type Progress,
	type ScormSetData
} from '$lib/domain/scorm-session';
import type { Lms } from './scorm-api';

/** Feedback for the question just answered (practice mode). */
export interface Shown {
	item: Item;
	question: QuizQuestion;
	response: AnswerResponse | null;
	result: CheckResult;
}

export class PlayerSession {
	readonly set: ScormSetData;
	readonly #lms: Lms | null;
	readonly #now: () => number;
	#startedAt: number;
	#questionShownAt = 0;
	#student = '';

	/** The passing percentage: the LMS's (from the manifest) or the package's own. */
	readonly masteryScore: number | null;
	/** Whether an LMS API was found (it may still have refused to start a session). */
	readonly lmsFound: boolean;
	/** Whether answers go to an LMS. */
	readonly recording: boolean;
	/** Whether the student comes back to a try they left. */
	readonly resumed: boolean;
	#progress = $state.raw<Progress>(newProgress(0, 1, 0));
	#questions = $state.raw<QuizQuestion[]>([]);
	#items = $state.raw<Item[]>([]);
	/** The response being given to the question on screen. */
	response = $state<AnswerResponse | null>(null);
	/** Practice mode: feedback on the question just answered, until "Next". */
	shown = $state.raw<Shown | null>(null);
	/** A sentence when the LMS refused a value; the quiz goes on. */
	lmsProblem = $state('');

	constructor(set: ScormSetData, lms: Lms | null, now: () => number = Date.now) {
		this.set = set;
		this.#lms = lms;
		this.#now = now;
		this.#startedAt = now();
		this.lmsFound = lms !== null;
		this.recording = lms?.start() ?? false;
		const fromLms = Number.parseFloat(this.#lms?.get('cmi.student_data.mastery_score') ?? '');
		this.masteryScore =
			this.recording && Number.isFinite(fromLms) && fromLms >= 0 && fromLms <= 100
				? fromLms
				: set.masteryScore;
		this.#student = this.#lms?.get('cmi.core.student_id') ?? '';
		const saved = this.recording ? decodeProgress(this.#lms!.get('cmi.suspend_data'), set) : null;
		this.resumed = saved !== null && !saved.done && saved.answers.some((a) => a !== null);
		this.#use(saved ?? newProgress(this.#seed(1), 1, set.items.length));
		if (this.recording && this.#lms!.get('cmi.core.lesson_status') === 'not attempted') {
			this.#write('cmi.core.lesson_status', 'incomplete');
			this.#commit();
		}
	}

	#seed(tryNumber: number): number {
		return assignmentSeed(this.set.id, this.set.shuffle, this.#student || 'anyone', tryNumber);
	}

	#use(progress: Progress) {
		this.#progress = progress;
		this.#questions = packageQuestions(this.set, progress.seed);
		this.#items = itemsInOrder(this.set, this.#questions);
	}

	get progress(): Progress {
		return this.#progress;
	}
	get total(): number {
		return this.#questions.length;
	}
	get index(): number {
		return this.#progress.at;
	}
	get answered(): number {
		return this.#progress.answers.filter((a) => a !== null).length;
	}
	get finished(): boolean {
		return this.#progress.done;
	}
	get item(): Item | undefined {
		return this.#items[this.#progress.at];
	}
	get question(): QuizQuestion | undefined {
		return this.#questions[this.#progress.at];
	}
	get items(): readonly Item[] {
		return this.#items;
	}
	get questions(): readonly QuizQuestion[] {
		return this.#questions;
	}
	get score(): number {
		return scoreOf(this.#progress);
	}
	get percent(): number {
		return percentOf(this.#progress);
	}
	get status() {
		return finishedStatus(this.percent, this.masteryScore);
	}
	/** Why the LMS refused to start, when it did. */
	get lmsError(): string {
		return this.#lms?.lastError ?? '';
	}
	get triesLeft(): number {
		return triesLeftAfter(this.set, this.#progress);
	}

	/** The question on screen is shown from now (its latency counts from here). */
	showQuestion() {
		this.#questionShownAt = this.#now();
	}

	#write(element: string, value: string) {
		if (this.#lms && !this.#lms.set(element, value)) {
			this.lmsProblem = `The LMS did not take ${element} (${this.#lms.lastError}). Your answers are still counted here.`;
		}
	}

	#commit() {
		if (this.#lms && this.recording && !this.#lms.commit()) {
			this.lmsProblem = `The LMS could not save (${this.#lms.lastError}).`;
		}
	}

	/** Checks the response to the question on screen, saves it, and moves on. */
	submit(): CheckResult | null {
		const item = this.item;
		const question = this.question;
		if (!item || !question || this.finished) return null;
		const response = this.response;
		const result = checkAnswer(item, response, { vocabulary: this.set.vocabulary });
		const now = this.#now();
		const ms = Math.max(0, now - this.#questionShownAt);
		const answers = [...this.#progress.answers];
		answers[this.#progress.at] = { r: response, s: result.score, ms };
		this.#progress = { ...this.#progress, answers, at: this.#progress.at + 1 };
		if (this.recording) {
			const n = Number.parseInt(this.#lms!.get('cmi.interactions._count'), 10) || 0;
			for (const [key, value] of Object.entries(
				interactionValues(item, response, result, ms, now)
			)) {
				this.#write(`cmi.interactions.${n}.${key}`, value);
			}
			this.#write('cmi.suspend_data', encodeProgress(this.#progress));
			this.#commit();
		}
		this.shown = this.set.mode === 'practice' ? { item, question, response, result } : null;
		this.response = null;
		return result;
	}

	/** After the last answer: the score and status go to the LMS. */
	finish() {
		if (this.finished || this.#progress.at < this.total) return;
		this.#progress = { ...this.#progress, done: true };
		this.shown = null;
		if (!this.recording) return;
		this.#write('cmi.core.score.min', '0');
		this.#write('cmi.core.score.max', '100');
		this.#write('cmi.core.score.raw', String(this.percent));
		this.#write('cmi.core.lesson_status', this.status);
		this.#write('cmi.core.session_time', cmiTimespan(this.#now() - this.#startedAt));
		this.#write('cmi.suspend_data', encodeProgress(this.#progress));
		this.#commit();
	}

	/**
	 * Another try, when the set allows one: a fresh start (shuffled anew when the set
	 * shuffles). Its answers are new interactions; its score replaces the last at its end.
	 */
	retry() {
		if (!this.finished || this.triesLeft <= 0) return;
		const next = this.#progress.try + 1;
		this.#use(newProgress(this.#seed(next), next, this.set.items.length));
		this.response = null;
		if (!this.recording) return;
		// The status and score of the finished try stay in the gradebook until this one ends.
		this.#write('cmi.suspend_data', encodeProgress(this.#progress));
		this.#commit();
	}

	/**
	 * The student leaves (the page is closing): the session time, and whether they come back
	 * to this try (`cmi.core.exit` "suspend") or are done, then the LMS session ends.
	 */
	leave() {
		if (!this.#lms?.open) return;
		this.#write('cmi.core.session_time', cmiTimespan(this.#now() - this.#startedAt));
		this.#write('cmi.core.exit', this.finished ? '' : 'suspend');
		this.#commit();
		this.#lms.finish();
	}
}
