/**
 * Whose name goes where: the student's name on an assignment (asked once, when accepting),
 * the device's first learner (named by the app until a person gives a name), and the
 * teacher's name on links. Pure.
 */
import { LIMITS, type ReceivedAssignment } from './assignment.ts';
import { cutText } from './binary.ts';
import { AUTOMATIC_LEARNER_NAME, type Learner } from './records.ts';

/**
 * Cuts a name to what a result carries. Empty when nothing usable is left. (Here, not in
 * assignment-take.ts: storage/learners.ts needs names.ts, and the home page's first visit
 * must not load the quiz and assignment code that module brings.)
 */
export function cleanStudentName(name: string): string {
	return cutText(name.replace(/\p{Cc}/gu, ' ').trim(), LIMITS.studentNameChars);
}

/** Whether a learner's name is the one the app made up (not typed by a person). */
export function isAutomaticName(name: string): boolean {
	return name.trim() === AUTOMATIC_LEARNER_NAME;
}

/**
 * The name to offer when a learner accepts an assignment: the name they gave on another
 * assignment (the newest), else the learner's own name when a person typed it; never the
 * automatic "Learner 1". '' when there is none.
 */
export function suggestedStudentName(
	learner: Pick<Learner, 'name'> | null,
	accepted: readonly Pick<ReceivedAssignment, 'studentName' | 'receivedAt'>[]
): string {
	const given = [...accepted]
		.filter((a) => a.studentName?.trim())
		.sort((a, b) => b.receivedAt - a.receivedAt)[0]?.studentName;
	if (given) return given.trim();
	if (learner && !isAutomaticName(learner.name)) return learner.name.trim();
	return '';
}

/**
 * The name a result carries by default: the one kept with the assignment, else the one
 * suggested for the learner. The student can still change it on the result page.
 */
export function resultNameFor(
	received: Pick<ReceivedAssignment, 'studentName'>,
	learner: Pick<Learner, 'name'> | null
): string {
	return received.studentName?.trim() || suggestedStudentName(learner, []);
}

/**
 * The learner's new name when a student names themselves on accepting: the device's first
 * learner, still called "Learner 1", takes the typed name; a name a person gave is kept.
 * Null when nothing changes.
 */
export function learnerRename(learner: Pick<Learner, 'name'>, studentName: string): string | null {
	const clean = cleanStudentName(studentName);
	return clean && isAutomaticName(learner.name) ? clean : null;
}

/** "from Ms X" for links and pages; '' without a name. */
export function fromTeacher(teacherName: string): string {
	const name = teacherName.trim();
	return name ? `from ${name}` : '';
}

/** Why a teacher's name cannot go on links, or null when it can. */
export function teacherNameProblem(name: string): string | null {
	const clean = name.trim();
	if (!clean) return 'Type the name your students know you by.';
	if ([...clean].length > LIMITS.teacherNameChars)
		return `Keep your name to ${LIMITS.teacherNameChars} characters.`;
	if (/\p{Cc}/u.test(clean)) return 'Your name cannot hold tabs or line breaks.';
	return null;
}
