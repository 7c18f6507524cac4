/**
 * The teacher's side: saving sets (with revisions once shared), the share link, and
 * collecting result links into the class report.
 */
import { resolve } from '$app/paths';
import { bankIndex, getItem, getVocabulary } from '$lib/bank';
import {
	LIMITS,
	type AssignmentSettings,
	type DecodeProblem,
	type TeacherSet
} from '$lib/domain/assignment';
import { assignmentLinkFault, encodeAssignmentLink } from '$lib/domain/assignment-link';
import { cutText, toHex } from '$lib/domain/binary';
import { buildClassReport, type ClassReport, type ReceivedResult } from '$lib/domain/class-report';
import { gradebookCsv } from '$lib/domain/gradebook-csv';
import { decryptResult } from '$lib/domain/result-code';
import { generateTeacherKeys } from '$lib/domain/teacher-keys';
import {
	addResults,
	countResults,
	deleteSet,
	ensureTeacherKeys,
	getSet,
	getTeacherName,
	listResults,
	listSets,
	listTeacherKeys,
	saveSet,
	setTeacherName
} from '$lib/storage/teach';

/** The teacher's sets, most recently changed first, with how many results each has. */
export async function listSetsWithCounts(): Promise<{
	sets: TeacherSet[];
	counts: Map<string, number>;
}> {
	const [sets, counts] = await Promise.all([listSets(), countResults()]);
	return { sets, counts };
}

/** One set, or null when this device has none with that id. */
export async function loadSet(id: string | null): Promise<TeacherSet | null> {
	return id ? ((await getSet(id)) ?? null) : null;
}

/** The class report of a set, from the results collected so far. */
export async function loadReport(set: TeacherSet): Promise<ClassReport> {
	return buildClassReport(set, await listResults(set.id), getItem, getVocabulary());
}

/** How many results this device received for a set. */
export async function resultCount(setId: string): Promise<number> {
	return (await listResults(setId)).length;
}

/** The class report as a gradebook CSV (with its byte-order mark). */
export function reportCsv(report: ClassReport): string {
	return gradebookCsv(report, (id) => getItem(id)?.prompt ?? id);
}

/** What the report page shows: the set, its report and the teacher's name; null set when missing. */
export async function loadReportPage(
	id: string | null
): Promise<{ set: TeacherSet | null; report: ClassReport | null; teacherName: string }> {
	// Storage only for a set that is there: without one (or without storage) the page says so
	// at once.
	const set = await loadSet(id);
	if (!set) return { set, report: null, teacherName: '' };
	return { set, report: await loadReport(set), teacherName: await getTeacherName() };
}

/** Deletes a set and the results collected for it. */
export function removeSet(id: string): Promise<void> {
	return deleteSet(id);
}

/** The name links and worksheets say they are from ('' for none). */
export function loadTeacherName(): Promise<string> {
	return getTeacherName();
}

export function saveTeacherName(name: string): Promise<void> {
	return setTeacherName(name);
}

/** A new set's id: 8 random bytes as 16 hex digits. */
export function newSetId(): string {
	return toHex(crypto.getRandomValues(new Uint8Array(8)));
}

function sameSettings(a: AssignmentSettings, b: AssignmentSettings): boolean {
	return (
		a.title === b.title &&
		a.instructions === b.instructions &&
		a.mode === b.mode &&
		a.shuffle === b.shuffle &&
		a.dueDate === b.dueDate &&
		a.showAnswers === b.showAnswers &&
		a.tries === b.tries &&
		a.itemIds.join() === b.itemIds.join()
	);
}

/**
 * Saves a composed set: a new one, or changes to an existing one. A set that was shared
 * gets a new revision when it changes, so students' apps can tell the new link from the old.
 */
export async function saveComposed(
	settings: AssignmentSettings,
	existing: TeacherSet | null,
	now = Date.now()
): Promise<TeacherSet> {
	// Links refuse control characters (a pasted tab, say): spaces instead, line breaks kept
	// in the instructions.
	const clean: AssignmentSettings = {
		...settings,
		title: settings.title.replace(/\p{Cc}/gu, ' ').trim(),
		instructions: settings.instructions
			.replace(/\r\n?/g, '\n')
			.replace(/[^\P{Cc}\n]/gu, ' ')
			.trim(),
		itemIds: [...settings.itemIds]
	};
	if (!existing) {
		const set: TeacherSet = {
			...clean,
			id: newSetId(),
			revision: 1,
			sharedRevision: 0,
			createdAt: now,
			updatedAt: now
		};
		await saveSet(set);
		return set;
	}
	if (sameSettings(existing, clean)) return existing;
	const shared = existing.sharedRevision === existing.revision;
	const set: TeacherSet = {
		...existing,
		...clean,
		revision: shared ? existing.revision + 1 : existing.revision,
		updatedAt: now
	};
	await saveSet(set);
	return set;
}

/** A copy of a set, never shared, titled "Copy of …". */
export async function duplicateSet(set: TeacherSet, now = Date.now()): Promise<TeacherSet> {
	const title = cutText(`Copy of ${set.title}`, LIMITS.titleChars);
	return saveComposed({ ...set, title }, null, now);
}

/** The address that opens a set on a student's device; marks the set's revision shared. */
export async function shareUrl(set: TeacherSet): Promise<string> {
	const keys = await ensureTeacherKeys(generateTeacherKeys);
	const teacherName = await getTeacherName();
	const link = {
		id: set.id,
		revision: set.revision,
		bankVersion: bankIndex.version,
		teacherName,
		teacherKey: keys.publicKey,
		settings: {
			title: set.title,
			instructions: set.instructions,
			itemIds: set.itemIds,
			mode: set.mode,
			shuffle: set.shuffle,
			dueDate: set.dueDate,
			showAnswers: set.showAnswers,
			tries: set.tries
		}
	};
	const fault = assignmentLinkFault(link, bankIndex);
	if (fault)
		throw new Error(`This set cannot be shared as it is: ${fault}. Edit it and try again.`);
	const payload = encodeAssignmentLink(link, bankIndex);
	if (set.sharedRevision !== set.revision) {
		await saveSet({ ...set, sharedRevision: set.revision });
	}
	return `${new URL(resolve('/join'), location.origin).href}#${payload}`;
}

/** What happened to one pasted or opened result link. */
export type CollectOutcome =
	| { ok: true; result: ReceivedResult; setTitle: string; duplicate: boolean }
	| { ok: false; input: string; problem: DecodeProblem | 'unknown-set'; message: string };

/** Splits pasted text into the links or codes in it (one per line or space). */
export function splitCodes(text: string): string[] {
	return text
		.split(/\s+/)
		.map((t) => t.trim())
		.filter((t) => t.length > 0);
}

async function codeId(code: string): Promise<string> {
	const payload = code.slice(code.indexOf('#') + 1);
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payload));
	return toHex(new Uint8Array(digest).slice(0, 16));
}

/**
 * Decrypts and checks every code, then stores the good ones in one transaction. A bad code
 * is reported and stores nothing; a code seen before is reported as a duplicate.
 */
export async function collectResults(
	codes: readonly string[],
	now = Date.now()
): Promise<CollectOutcome[]> {
	const keys = await listTeacherKeys();
	const outcomes: CollectOutcome[] = [];
	for (const input of codes) {
		let decoded: Awaited<ReturnType<typeof decryptResult>> | null = null;
		for (const key of keys) {
			decoded = await decryptResult(input, key, bankIndex, getItem);
			if (decoded.ok || decoded.problem !== 'other-teacher') break;
		}
		if (!decoded) {
			outcomes.push({
				ok: false,
				input,
				problem: 'other-teacher',
				message:
					'This device has no teacher key yet, so it cannot have made this assignment. Open the result on the device that shared the set.'
			});
			continue;
		}
		if (!decoded.ok) {
			outcomes.push({ ok: false, input, problem: decoded.problem, message: decoded.message });
			continue;
		}
		const set = await getSet(decoded.value.assignmentId);
		if (!set) {
			outcomes.push({
				ok: false,
				input,
				problem: 'unknown-set',
				message:
					'This result is for an assignment this device did not create (or it was deleted). Open it on the device that shared the set, or import that device’s backup here first.'
			});
			continue;
		}
		const result: ReceivedResult = { ...decoded.value, id: await codeId(input), receivedAt: now };
		outcomes.push({ ok: true, result, setTitle: set.title, duplicate: true });
	}
	const fresh = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
	const added = new Set((await addResults(fresh)).map((r) => r.id));
	// The same link pasted twice is added once: the first copy reports it, later ones are duplicates.
	return outcomes.map((o) => {
		if (!o.ok) return o;
		const isNew = added.delete(o.result.id);
		return { ...o, duplicate: !isNew };
	});
}
