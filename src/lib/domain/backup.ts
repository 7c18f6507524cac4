/**
 * The backup file format (versioned JSON) and its parser. The parser validates the whole
 * file before anything is written; a bad, truncated, foreign or newer-version file comes
 * back as a problem with a sentence for the person, never as a thrown error.
 *
 * Format 2 (format 1 is the same without `teacher`; both are read):
 * { format: 'factdeck-backup', version: 2, exportedAt, bankVersion,
 *   learners: [{ learner, events, cards, attempts, assignments }],
 *   teacher?: { name, keys, sets, results } }
 * Every record has the shape of src/lib/domain/records.ts and belongs to its block's learner.
 * `teacher` holds the device's assignment sets, the results received and the teacher's key
 * pairs (private keys included: whoever has the file can read results sent to this teacher).
 */
import * as v from 'valibot';
import {
	GRADES,
	type Learner,
	type AnswerEvent,
	type CardRecord,
	type Attempt
} from './records.ts';
import {
	ASSIGNMENT_MODES,
	LIMITS,
	type ReceivedAssignment,
	type TeacherSet
} from './assignment.ts';
import type { ReceivedResult } from './class-report.ts';
import type { TeacherKeys } from './teacher-keys.ts';
import { slugify } from './wording.ts';

export const BACKUP_FORMAT = 'factdeck-backup';
export const BACKUP_VERSION = 2;
/** Larger files are refused before parsing: a backup of years of daily study is a few MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const json = v.unknown();

const learnerSchema = v.object({
	id,
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
	colour: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)),
	createdAt: time
});

const eventSchema = v.object({
	id,
	learnerId: id,
	itemId: id,
	at: time,
	source: v.picklist(['quiz', 'flashcard', 'assignment']),
	correct: v.boolean(),
	grade: v.optional(v.picklist(GRADES)),
	response: v.optional(json),
	ms: v.pipe(v.number(), v.finite(), v.minValue(0)),
	attemptId: v.optional(id)
});

const cardSchema = v.object({
	learnerId: id,
	itemId: id,
	due: time,
	memory: v.object({
		due: time,
		stability: v.pipe(v.number(), v.finite()),
		difficulty: v.pipe(v.number(), v.finite()),
		elapsedDays: v.pipe(v.number(), v.finite()),
		scheduledDays: v.pipe(v.number(), v.finite()),
		learningSteps: v.pipe(v.number(), v.finite()),
		reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
		lapses: v.pipe(v.number(), v.integer(), v.minValue(0)),
		state: v.picklist(['new', 'learning', 'review', 'relearning']),
		lastReview: v.optional(time)
	}),
	introducedAt: v.optional(time)
});

const textList = v.array(v.pipe(v.string(), v.maxLength(2000)));

/** A question as the quiz generator stores it (quiz.ts QuizQuestion). */
const questionSchema = v.variant('kind', [
	v.object({ itemId: id, kind: v.picklist(['single', 'multi']), options: textList }),
	v.object({ itemId: id, kind: v.literal('ordering'), sequence: textList }),
	v.object({ itemId: id, kind: v.literal('matching'), rights: textList }),
	v.object({ itemId: id, kind: v.picklist(['truefalse', 'typed', 'numeric']) })
]);

const attemptSchema = v.pipe(
	v.object({
		id,
		learnerId: id,
		kind: v.picklist(['quiz', 'assignment']),
		status: v.picklist(['in-progress', 'finished']),
		title: v.pipe(v.string(), v.maxLength(200)),
		startedAt: time,
		updatedAt: time,
		finishedAt: v.optional(time),
		// The player reads the mode; the rest of the options only says how the quiz was made.
		config: v.looseObject({
			options: v.looseObject({ mode: v.picklist(['practice', 'test']) })
		}),
		questions: v.array(questionSchema),
		answers: v.array(
			v.object({
				itemId: id,
				response: json,
				correct: v.boolean(),
				score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
				ms: v.pipe(v.number(), v.finite(), v.minValue(0)),
				at: time
			})
		)
	}),
	v.check((a) => a.answers.length <= a.questions.length, 'has more answers than questions')
);

const setId = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const boundedText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const keyText = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,200}$/));

const settingsEntries = {
	title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.titleChars)),
	instructions: boundedText(LIMITS.instructionsChars),
	itemIds: v.pipe(v.array(id), v.minLength(LIMITS.minItems), v.maxLength(LIMITS.maxItems)),
	mode: v.picklist(ASSIGNMENT_MODES),
	shuffle: v.boolean(),
	dueDate: v.nullable(v.pipe(v.string(), v.isoDate())),
	showAnswers: v.boolean(),
	tries: count(LIMITS.maxTries)
};

const assignmentLinkSchema = v.object({
	id: setId,
	revision: count(1e9),
	bankVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	teacherName: boundedText(LIMITS.teacherNameChars),
	teacherKey: keyText,
	settings: v.object(settingsEntries)
});

const assignmentSchema = v.object({
	learnerId: id,
	id: setId,
	receivedAt: time,
	assignment: assignmentLinkSchema,
	studentName: v.optional(boundedText(LIMITS.studentNameChars)),
	results: v.array(
		v.object({
			at: time,
			code: v.pipe(v.string(), v.maxLength(20000)),
			tryNumber: v.optional(count(1e6)),
			attemptId: v.optional(id),
			name: v.optional(boundedText(LIMITS.studentNameChars))
		})
	)
});

const setSchema = v.object({
	...settingsEntries,
	id: setId,
	revision: count(1e9),
	sharedRevision: count(1e9),
	createdAt: time,
	updatedAt: time
});

const responseSchema = v.union([
	v.object({ choice: boundedText(2000) }),
	v.object({ choices: v.array(boundedText(2000)) }),
	v.object({ value: v.boolean() }),
	v.object({ text: boundedText(2000) }),
	v.object({ order: v.array(boundedText(2000)) }),
	v.object({ pairs: v.record(v.string(), boundedText(2000)) })
]);

const resultSchema = v.object({
	id,
	receivedAt: time,
	assignmentId: setId,
	revision: count(1e9),
	studentName: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.studentNameChars)),
	studentId: setId,
	tryNumber: v.pipe(count(1e6), v.minValue(1)),
	startedAt: time,
	finishedAt: time,
	score: v.pipe(v.number(), v.finite(), v.minValue(0)),
	answers: v.array(
		v.object({
			itemId: id,
			response: v.nullable(responseSchema),
			grade: v.nullable(v.picklist(GRADES)),
			ms: v.pipe(v.number(), v.finite(), v.minValue(0))
		})
	)
});

const keyPairSchema = v.object({
	publicKey: keyText,
	privateKey: v.looseObject({
		kty: v.literal('EC'),
		crv: v.literal('P-256'),
		x: keyText,
		y: keyText,
		d: keyText
	}),
	createdAt: time
});

const teacherSchema = v.object({
	name: boundedText(LIMITS.teacherNameChars),
	keys: v.array(keyPairSchema),
	sets: v.array(setSchema),
	results: v.array(resultSchema)
});

const backupSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.picklist([1, BACKUP_VERSION]),
	exportedAt: time,
	bankVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	learners: v.array(
		v.object({
			learner: learnerSchema,
			events: v.array(eventSchema),
			cards: v.array(cardSchema),
			attempts: v.array(attemptSchema),
			assignments: v.array(assignmentSchema)
		})
	),
	teacher: v.optional(teacherSchema)
});

export interface LearnerBackup {
	learner: Learner;
	events: AnswerEvent[];
	cards: CardRecord[];
	attempts: Attempt[];
	assignments: ReceivedAssignment[];
}

/** The teacher's side of the device (see the format note above). */
export interface TeacherBackup {
	name: string;
	keys: TeacherKeys[];
	sets: TeacherSet[];
	results: ReceivedResult[];
}

export interface Backup {
	format: typeof BACKUP_FORMAT;
	/** Files of format 1 are read too; they have no `teacher`. */
	version: 1 | typeof BACKUP_VERSION;
	exportedAt: number;
	bankVersion: number;
	learners: LearnerBackup[];
	teacher?: TeacherBackup;
}

export type BackupProblem = 'too-large' | 'not-json' | 'foreign' | 'newer' | 'damaged';

export type BackupParseResult =
	{ ok: true; backup: Backup } | { ok: false; problem: BackupProblem; message: string };

const UNCHANGED = 'Nothing was changed.';

function fail(problem: BackupProblem, message: string): BackupParseResult {
	return { ok: false, problem, message: `${message} ${UNCHANGED}` };
}

/** Records that name another learner than their block's, or ids used twice. */
function findInconsistency(backup: Backup): string | null {
	const learnerIds = new Set<string>();
	const eventIds = new Set<string>();
	for (const [i, block] of backup.learners.entries()) {
		const owner = block.learner.id;
		if (learnerIds.has(owner)) return `learner ${owner} appears twice`;
		learnerIds.add(owner);
		const groups = [block.events, block.cards, block.attempts, block.assignments] as const;
		for (const group of groups) {
			for (const record of group) {
				if (record.learnerId !== owner) {
					return `learners[${i}] holds a record of another learner (${record.learnerId})`;
				}
			}
		}
		for (const event of block.events) {
			if (eventIds.has(event.id)) return `answer ${event.id} appears twice`;
			eventIds.add(event.id);
		}
	}
	if (backup.teacher) {
		const twice = (ids: string[]) => ids.find((x, i) => ids.indexOf(x) !== i);
		const set = twice(backup.teacher.sets.map((s) => s.id));
		if (set) return `set ${set} appears twice`;
		const result = twice(backup.teacher.results.map((r) => r.id));
		if (result) return `result ${result} appears twice`;
	}
	return null;
}

/** Reads a backup file's text. Validates everything; returns the backup or the problem. */
export function parseBackup(text: string): BackupParseResult {
	if (text.length > MAX_BACKUP_BYTES) {
		return fail('too-large', 'This file is too large to be a Factdeck backup.');
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return fail(
			'not-json',
			'This file could not be read as a Factdeck backup: it is not complete JSON (it may have been cut short while downloading).'
		);
	}
	const head = data as { format?: unknown; version?: unknown } | null;
	if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
		return fail('foreign', 'This file is not a Factdeck backup.');
	}
	if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
		return fail(
			'newer',
			`This backup was made by a newer version of Factdeck (format ${head.version}; this app reads format ${BACKUP_VERSION}). Update the app, then import it again.`
		);
	}
	const result = v.safeParse(backupSchema, data);
	if (!result.success) {
		const issue = result.issues[0];
		const where = v.getDotPath(issue) ?? 'the file';
		return fail('damaged', `This backup is damaged: ${where} is not valid (${issue.message}).`);
	}
	const backup = result.output as Backup;
	const inconsistency = findInconsistency(backup);
	if (inconsistency) return fail('damaged', `This backup is damaged: ${inconsistency}.`);
	return { ok: true, backup };
}

/** The file name offered for a download, e.g. factdeck-backup-ana-2026-11-27.json. */
export function backupFileName(exportedAt: number, who: string): string {
	return `factdeck-backup-${slugify(who, 'learner')}-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}
