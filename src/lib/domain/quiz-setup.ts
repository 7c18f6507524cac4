/**
 * What the quiz set-up page and the home page's topic rows say and start, as pure functions
 * of the pool's sizes (`poolSizes` in quiz.ts). Only types from quiz.ts: the home page
 * imports this module, and must not load the quiz generator on a first visit.
 */
import type { PoolSizes, QuizLength } from './quiz.ts';

/** The lengths the set-up page offers: a number, or every question in rounds. */
export const SETUP_LENGTHS = [5, 10, 20, 'every'] as const;
export type SetupLength = (typeof SETUP_LENGTHS)[number];

const questions = (n: number) => `${n} question${n === 1 ? '' : 's'}`;

/** What the set-up page shows for the learner's choices, and whether Start can work. */
export interface PoolWords {
	/**
	 * Why one quiz holds fewer questions than match, or null when all of them fit: shown
	 * beside the choice of length.
	 */
	why: string | null;
	/** One short line beside Start: what Start will make. */
	status: string;
	/** False only when nothing matches: then Start can make nothing at all. */
	canStart: boolean;
}

/**
 * The set-up page's words. Rules: with nothing matching, say so (Start makes nothing). For
 * every question, say how many questions in how many rounds. For a number, say it comes
 * from the matching questions, or, when more are asked than one quiz holds, how many fit and
 * what to choose instead (Start then explains again, as the generator refuses).
 */
export function describePool(sizes: PoolSizes, length: SetupLength): PoolWords {
	const { matching, perQuiz, rounds } = sizes;
	if (matching === 0) {
		return {
			why: null,
			status: 'No question matches these choices: widen the topics, difficulties or kinds.',
			canStart: false
		};
	}
	const why =
		perQuiz < matching
			? `Questions that would give each other's answers away never share a quiz: one quiz holds at most ${perQuiz} of the ${matching} that match. Every question asks all ${matching}, in ${rounds.length} rounds.`
			: null;
	if (length === 'every') {
		const status =
			rounds.length === 1
				? `Every question: all ${matching} in one quiz.`
				: `Every question: all ${matching}, in ${rounds.length} rounds of about ${Math.round(matching / rounds.length)}.`;
		return { why, status, canStart: true };
	}
	if (length > perQuiz) {
		const only =
			perQuiz === matching
				? `Only ${questions(matching)} match${matching === 1 ? 'es' : ''} these choices`
				: `Only ${perQuiz} of the ${questions(matching)} that match fit in one quiz`;
		return { why, status: `${only}: choose fewer, or every question.`, canStart: true };
	}
	return {
		why,
		status: `A quiz of ${length}, from the ${questions(matching)} that match.`,
		canStart: true
	};
}

/**
 * How the filters' summary reads while they are folded away: "All topics, difficulties and
 * kinds" when none is ticked, else what is ticked, counted ("2 topics, all difficulties,
 * 1 kind").
 */
export function describeFilters(ticked: { topics: number; difficulties: number; kinds: number }) {
	const { topics, difficulties, kinds } = ticked;
	if (topics + difficulties + kinds === 0) return 'All topics, difficulties and kinds';
	const part = (n: number, one: string, many: string) =>
		n === 0 ? `all ${many}` : `${n} ${n === 1 ? one : many}`;
	const text = [
		part(topics, 'topic', 'topics'),
		part(difficulties, 'difficulty', 'difficulties'),
		part(kinds, 'kind', 'kinds')
	].join(', ');
	return text[0].toUpperCase() + text.slice(1);
}

/** How many questions a topic's quiz from the home page asks at most. */
export const TOPIC_QUIZ_LENGTH = 10;

/**
 * The quiz a topic row on the home page starts: ten questions of that topic in practice
 * mode, favouring unseen and weak ones; or, when one quiz of the topic holds fewer than ten
 * (its exclusion groups), all that fit.
 */
export function topicQuiz(topic: { topic: string; name: string; perQuiz: number }): {
	options: { length: QuizLength; mode: 'practice'; smart: true; topics: string[] };
	title: string;
} {
	return {
		options: {
			length: topic.perQuiz >= TOPIC_QUIZ_LENGTH ? TOPIC_QUIZ_LENGTH : 'all',
			mode: 'practice',
			smart: true,
			topics: [topic.topic]
		},
		title: `Topic quiz: ${topic.name}`
	};
}
