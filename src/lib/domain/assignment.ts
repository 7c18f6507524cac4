/**
 * Teacher assignments, as plain data: the set a teacher composes, what its link carries,
 * the assignment as a student's device keeps it, and the result a student sends back. The link and result codecs live in
 * assignment-link.ts and result-code.ts; the class report in class-report.ts.
 *
 * There is no server. A set travels to students inside a link's fragment; a result
 * travels back inside another link's fragment, encrypted to the teacher's public key.
 */
import type { Item } from './bank.ts';
import type { AnswerResponse } from './check-answer.ts';
import type { Grade } from './records.ts';

export const ASSIGNMENT_MODES = ['practice', 'test', 'flashcards'] as const;
/** Quiz with feedback after each question, quiz with feedback only at the end, or a deck. */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** Limits every composer, encoder and decoder enforces (a link stays QR-sized). */
export const LIMITS = {
	titleChars: 80,
	instructionsChars: 400,
	teacherNameChars: 40,
	studentNameChars: 40,
	minItems: 1,
	maxItems: 60,
	/** Tries a student may take; 0 means no limit. */
	maxTries: 9,
	/** Longest text answer kept in a result (longer typing is cut). */
	answerChars: 120,
	/** Longest link or code a decoder looks at before refusing it as too large. */
	linkChars: 4000
} as const;

/** What the teacher chooses for a set; everything here travels in the link. */
export interface AssignmentSettings {
	title: string;
	/** May be empty. */
	instructions: string;
	/** Bank item ids, in the teacher's order. */
	itemIds: string[];
	mode: AssignmentMode;
	/** Each student gets their own question and option order. */
	shuffle: boolean;
	/** Local calendar date 'YYYY-MM-DD', or null for none. */
	dueDate: string | null;
	/** Whether students see the right answers after submitting (practice mode always shows them). */
	showAnswers: boolean;
	/** How many times a student may take it; 0 = as often as they like. */
	tries: number;
}

/**
 * Whether students see the right answers after a try: always in practice and flashcard
 * modes (they see them after each question or on each card); in test mode, only when the
 * teacher chose to show them. With no assignment (a learner's own quiz), always.
 */
export function answersVisible(settings: Pick<AssignmentSettings, 'mode' | 'showAnswers'> | null) {
	return settings === null || settings.mode !== 'test' || settings.showAnswers;
}

/**
 * The settings as they are saved, whatever the editor's fields say: practice mode shows
 * the answers (after each question), and a flashcard deck is taken once (its result is one
 * grade per card), so its tries are 1. An empty due date is none.
 */
export function normaliseSettings(settings: AssignmentSettings): AssignmentSettings {
	return {
		...settings,
		dueDate: settings.dueDate || null,
		showAnswers: settings.mode === 'practice' ? true : settings.showAnswers,
		tries: settings.mode === 'flashcards' ? 1 : settings.tries
	};
}

/**
 * What stops a set from being saved, as sentences for the teacher (none: it can be saved).
 * `chosen` are the set's items this app has, in any order. The limits are those links
 * enforce (LIMITS), so a saved set can always be shared.
 */
export function settingsProblems(
	settings: AssignmentSettings,
	chosen: readonly { quizOnly?: boolean }[]
): string[] {
	const problems: string[] = [];
	const title = settings.title.trim();
	if (!title) problems.push('Give the set a title.');
	if ([...title].length > LIMITS.titleChars)
		problems.push(`Keep the title to ${LIMITS.titleChars} characters.`);
	if ([...settings.instructions.trim()].length > LIMITS.instructionsChars)
		problems.push(`Keep the instructions to ${LIMITS.instructionsChars} characters.`);
	if (settings.itemIds.length < LIMITS.minItems) problems.push('Choose at least one question.');
	if (settings.mode === 'flashcards' && chosen.length && chosen.every((i) => i.quizOnly))
		problems.push('Every chosen question is quiz-only: a flashcard deck needs at least one card.');
	if (settings.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(settings.dueDate))
		problems.push('The due date is not a date.');
	return problems;
}

/**
 * A set's items in the teacher's order, each id once (a saved set or a decoded link never
 * holds an id twice; older data might), and the ids `lookup` does not find (items this bank
 * has retired), in order.
 */
export function setItems(
	itemIds: readonly string[],
	lookup: (id: string) => Item | undefined
): { items: Item[]; missing: string[] } {
	const items: Item[] = [];
	const missing: string[] = [];
	for (const id of new Set(itemIds)) {
		const item = lookup(id);
		if (item) items.push(item);
		else missing.push(id);
	}
	return { items, missing };
}

/** A set as the teacher's device keeps it (IndexedDB store `sets`). */
export interface TeacherSet extends AssignmentSettings {
	/** 16 lowercase hex digits (8 random bytes); travels in links and results. */
	id: string;
	/** Raised each time a set that was shared is saved again; links carry it. */
	revision: number;
	/** The revision last shared, or 0 if never shared. */
	sharedRevision: number;
	createdAt: number;
	updatedAt: number;
}

/** Everything an assignment link carries, decoded. */
export interface AssignmentLink {
	/** The teacher's set id (16 hex digits). */
	id: string;
	revision: number;
	/** The bank version of the teacher's app (bank.yaml `version`). */
	bankVersion: number;
	/** Shown to the student as "from …"; may be empty. */
	teacherName: string;
	/** The teacher's ECDH P-256 public key: the compressed point (33 bytes), base64url. */
	teacherKey: string;
	settings: AssignmentSettings;
}

/** One answer in a result. Quiz modes fill `response`; flashcard mode fills `grade`. */
export interface ResultAnswer {
	itemId: string;
	/** null: not answered. */
	response: AnswerResponse | null;
	/** Flashcard mode: the first grade given to the card; null otherwise. */
	grade: Grade | null;
	/** Time spent on it, milliseconds (codes keep whole seconds; format 1 kept tenths). */
	ms: number;
}

/** What a student sends back (before encryption). */
export interface AssignmentResult {
	/** The set id and revision from the link. */
	assignmentId: string;
	revision: number;
	/** 1 to LIMITS.studentNameChars characters. */
	studentName: string;
	/** 16 hex digits, stable per learner and assignment: tells two results of one student apart. */
	studentId: string;
	/** 1 for the first try. */
	tryNumber: number;
	/** Epoch ms; codes keep whole seconds. */
	startedAt: number;
	finishedAt: number;
	/** The student's app's score: credits summed (matching gives part credit), 2 decimals. */
	score: number;
	answers: ResultAnswer[];
}

/** Why a link or code was refused; `message` is a sentence for the person, with what to do. */
export type DecodeProblem =
	| 'empty'
	| 'too-large'
	| 'not-factdeck'
	| 'wrong-kind'
	| 'truncated'
	| 'altered'
	| 'newer-format'
	| 'newer-bank'
	| 'unknown-items'
	| 'invalid'
	| 'other-teacher';

export type Decoded<T> =
	| { ok: true; value: T }
	| {
			ok: false;
			problem: DecodeProblem;
			message: string;
			/** Which check failed, in developer's words: for logs and tests, not for display. */
			detail?: string;
	  };

/** The bank facts a decoder needs (from the bundled bank). */
export interface BankIndex {
	/** bank.yaml `version`. */
	version: number;
	/**
	 * Every id ever published, in publication order (questions/published-ids.txt). Links
	 * name items by their position here, which never changes: the file is append-only.
	 */
	published: readonly string[];
}

/** An assignment a learner received by link (IndexedDB store `assignments`). */
export interface ReceivedAssignment {
	learnerId: string;
	/** The teacher's set id (one record per set; a newer revision replaces the older). */
	id: string;
	receivedAt: number;
	/** The decoded assignment link. */
	assignment: AssignmentLink;
	/**
	 * The name the student gave when accepting, as their teacher knows them (absent on
	 * assignments accepted before names were asked).
	 */
	studentName?: string;
	/** Result links made, oldest first: the try, the name it carries, and the link to send. */
	results: { at: number; code: string; tryNumber?: number; attemptId?: string; name?: string }[];
}
