/**
 * What the app stores about each learner, as plain data: the shapes of the IndexedDB
 * records (src/lib/storage) and of backup files. Times are epoch milliseconds (numbers
 * survive JSON, structured clone and IndexedDB indexes alike). The records of assignments
 * live with them: a received assignment and a teacher's set in assignment.ts, a received
 * result in class-report.ts.
 */
import type { QuizOptions, QuizQuestion } from './quiz.ts';

/** A person who studies on this device. Several can share one device. */
export interface Learner {
	id: string;
	name: string;
	/** One of LEARNER_COLOURS. */
	colour: string;
	createdAt: number;
}

/** Colours a learner can pick; each keeps 4.5:1 contrast with white text. */
/**
 * The name the app gives the device's first learner before anyone typed one (names.ts tells
 * it apart). Here, beside Learner, so that storage names a learner without loading names.ts.
 */
export const AUTOMATIC_LEARNER_NAME = 'Learner 1';

export const LEARNER_COLOURS = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7e22ce',
	'#c2410c',
	'#0e7490',
	'#be185d',
	'#4d7c0f'
] as const;

export type EventSource = 'quiz' | 'flashcard' | 'assignment';

/** FSRS grades, stored as words rather than ts-fsrs's numeric Rating, worst first. */
export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type Grade = (typeof GRADES)[number];

/** One answer or flashcard grade: the unit of every statistic. Ids are stable (backups). */
export interface AnswerEvent {
	id: string;
	learnerId: string;
	itemId: string;
	/** When the answer was given. */
	at: number;
	source: EventSource;
	/** Right or wrong; for a flashcard, any grade but 'again' counts as right. */
	correct: boolean;
	/** Flashcards only. */
	grade?: Grade;
	/** What the person gave, as JSON-safe data (quiz and assignment answers). */
	response?: unknown;
	/** Time taken to answer, in milliseconds. */
	ms: number;
	/** The quiz attempt or assignment this answer belongs to. */
	attemptId?: string;
}

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** A flashcard's FSRS memory state (ts-fsrs `Card`, with dates as epoch ms and state as a word). */
export interface CardMemory {
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardState;
	lastReview?: number;
}

/** A learner's schedule for one item. */
export interface CardRecord {
	learnerId: string;
	itemId: string;
	/** Copied from memory.due so IndexedDB can index it. */
	due: number;
	memory: CardMemory;
	/**
	 * When the card was first graded (epoch ms): the daily new-card limit counts the cards
	 * introduced on the learner's local today. Absent on records written before it existed;
	 * those count as introduced on no day.
	 */
	introducedAt?: number;
}

export type AttemptStatus = 'in-progress' | 'finished';

/** One question's answer inside an attempt. */
export interface AttemptAnswer {
	itemId: string;
	/**
	 * As given (an AnswerResponse, or null). Stored data, which a backup may bring in any
	 * shape: read it back with `readResponse`, which checks that it fits the item.
	 */
	response: unknown;
	correct: boolean;
	/** Part credit between 0 and 1 (matching gives credit per pair). */
	score: number;
	ms: number;
	at: number;
}

/**
 * What an attempt stores to say how its quiz was made. The app writes every option; only
 * `options.mode` is read back (the player needs it), and only it is checked in a backup.
 */
export interface QuizConfig {
	options: Pick<QuizOptions, 'mode'> & Partial<QuizOptions>;
}

/** What an assignment attempt stores in `config`: which set and which try. */
export interface AssignmentAttemptConfig {
	options: QuizOptions;
	assignment: { id: string; revision: number; tryNumber: number };
}

/**
 * Whether an attempt is listed (quiz history, the home page's offer to resume): finished, or
 * with at least one answer. A quiz left before its first answer leaves no trace.
 */
export function isListed(attempt: Pick<Attempt, 'status' | 'answers'>): boolean {
	return attempt.status === 'finished' || attempt.answers.length > 0;
}

/** A quiz (or assignment) being taken or finished. */
export interface Attempt {
	id: string;
	learnerId: string;
	kind: 'quiz' | 'assignment';
	status: AttemptStatus;
	title: string;
	startedAt: number;
	updatedAt: number;
	finishedAt?: number;
	/** Quiz options and seed, and for an assignment its id: enough to rebuild the question list. */
	config: QuizConfig | AssignmentAttemptConfig;
	/** The questions in the order shown, with their options' order, as the generator made them. */
	questions: QuizQuestion[];
	answers: AttemptAnswer[];
}
