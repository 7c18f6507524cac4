/**
 * "Every question": the items that match a learner's choices, split into rounds. Each round
 * is one quiz that keeps the exclusion rule (no two of its items share an exclusion group:
 * such items would give each other's answers away), and the rounds together ask every item
 * exactly once. One quiz alone cannot: the bank's largest group has several items, and only
 * one of them may be in a quiz.
 *
 * The split (`quizRounds`) is deterministic and does not depend on the seed: the setup page
 * can say "in 9 rounds" before the quiz is made, and the results page can start round 2 of
 * the same split. The seed only orders the questions inside a round (`generateQuiz`).
 *
 * Rules:
 * - There are never fewer rounds than the largest exclusion group has items (each of them
 *   needs a round of its own), and the split aims at exactly that many: items with the most
 *   groups first, then the items of the largest groups, each into the round that can take it
 *   and has the fewest items so far; a new round opens only when no round can take one.
 * - Items without a group then go, one by one, into the round with the fewest items, so
 *   the rounds' sizes differ as little as the groups allow.
 * - Items keep the order they came in within a round; a repeated id is asked once.
 */
import { exclusionGroupsOf } from './bank.ts';

type Grouped = { id: string; exclusionGroup?: string | readonly string[] };

/** The rounds of "every question" over `items` (see the module's rules). Empty for no items. */
export function quizRounds<T extends Grouped>(items: readonly T[]): T[][] {
	const unique = [...new Map(items.map((item) => [item.id, item])).values()];
	const groupsOf = unique.map((item) => exclusionGroupsOf(item));
	const groupSize = new Map<string, number>();
	for (const groups of groupsOf)
		for (const g of groups) groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
	const largest = (groups: string[]) => Math.max(0, ...groups.map((g) => groupSize.get(g)!));

	const rounds: { members: number[]; groups: Set<string> }[] = [];
	const open = (count: number) => {
		while (rounds.length < count) rounds.push({ members: [], groups: new Set() });
	};
	open(largest([...groupSize.keys()]));
	/** The round with the fewest items among those `fits` accepts (the first on a tie). */
	const smallest = (fits: (round: (typeof rounds)[number]) => boolean) => {
		let best: (typeof rounds)[number] | undefined;
		for (const round of rounds)
			if (fits(round) && (!best || round.members.length < best.members.length)) best = round;
		return best;
	};

	const grouped = unique
		.map((_, i) => i)
		.filter((i) => groupsOf[i].length > 0)
		// Array.prototype.sort is stable: equal items keep the order they came in.
		.sort(
			(a, b) =>
				groupsOf[b].length - groupsOf[a].length || largest(groupsOf[b]) - largest(groupsOf[a])
		);
	for (const i of grouped) {
		const groups = groupsOf[i];
		let round = smallest((r) => groups.every((g) => !r.groups.has(g)));
		if (!round) {
			open(rounds.length + 1);
			round = rounds[rounds.length - 1];
		}
		round.members.push(i);
		for (const g of groups) round.groups.add(g);
	}
	for (let i = 0; i < unique.length; i++) {
		if (groupsOf[i].length > 0) continue;
		open(1);
		smallest(() => true)!.members.push(i);
	}
	return rounds.map((r) => r.members.sort((a, b) => a - b).map((i) => unique[i]));
}

/** The title of a round's attempt, as history, home and results show it. */
export function roundTitle(round: number, of: number): string {
	return of <= 1 ? 'Every question' : `Every question: round ${round} of ${of}`;
}
