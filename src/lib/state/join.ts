/**
 * The student opening a teacher's link (the join page): read it, see whether it is new to
 * the learner, accept it. Kept apart from ./assignments.ts, which takes assignments and
 * makes result links (the quiz code, the whole bank, the encryption): a phone that never saw
 * the app shows the assignment with this and the bank's index alone, and the rest arrives
 * while the student reads it.
 */
import { bankIndex } from '$lib/bank-index';
import type { AssignmentLink, Decoded } from '$lib/domain/assignment';
import { decodeAssignmentLink } from '$lib/domain/assignment-link';
import { learnerRename, suggestedStudentName } from '$lib/domain/names';
import type { Learner } from '$lib/domain/records';
import { acceptAssignment, listReceived, type AcceptOutcome } from '$lib/storage/assignments';
import { learners } from './learners.svelte';

/** Reads an assignment link (or its fragment). Writes nothing. */
export function readAssignmentLink(input: string): Decoded<AssignmentLink> {
	return decodeAssignmentLink(input, bankIndex);
}

/** What the join page needs to know about the learner and a link. */
export interface JoinView {
	/** The learner has this link's assignment already, at this revision or a later one. */
	already: boolean;
	/** The name to offer in "Your name, as your teacher knows you" ('' for none). */
	suggestedName: string;
}

export async function joinView(learner: Learner, link: AssignmentLink): Promise<JoinView> {
	const all = await listReceived(learner.id);
	const received = all.find((r) => r.id === link.id);
	return {
		already: !!received && received.assignment.revision >= link.revision,
		suggestedName: received?.studentName?.trim() || suggestedStudentName(learner, all)
	};
}

/**
 * Keeps an assignment for the learner with the name they gave (a newer revision replaces
 * the older one). The device's first learner, still called "Learner 1", takes that name.
 */
export async function acceptLink(
	learner: Learner,
	link: AssignmentLink,
	studentName: string
): Promise<AcceptOutcome> {
	const outcome = await acceptAssignment(learner.id, link, Date.now(), studentName);
	const rename = learnerRename(learner, studentName);
	if (rename) await learners.update(learner.id, { name: rename });
	return outcome;
}
