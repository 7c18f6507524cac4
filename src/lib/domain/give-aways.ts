/**
 * Give-aways between items: one item's answer printed in another item's visible text (its
 * prompt, options, ordering entries or matching pairs). Two such items must not share a quiz,
 * so they need a common exclusion group, unless an editor has judged the give-away harmless
 * in the revealed item's `allowReveal`. Pure; `bank:check` reports what `findGiveAways` finds.
 */
import { shareGroup, type Item } from './bank.ts';
import { formatNumber, NUMBER_WORDS } from './answer-match.ts';
import { normalizeText } from './text.ts';

/** One item showing another's answer. */
export interface GiveAway {
	/** The item whose answer is shown. */
	revealed: string;
	/** The item that shows it. */
	by: string;
	/** The answer text found, as the bank writes it. */
	answer: string;
	/** Where in `by` it was found: prompt, options, sequence or pairs. */
	field: string;
}

/** How many distinctive words of a prompt another item must show to be about the same thing. */
export const SHARED_STEMS = 2;

/**
 * The texts that would answer an item if a learner saw them elsewhere: the answer of a single
 * or typed item (and a typed item's variants that are names, written with a capital), the
 * answers of a multi item, and a numeric item's number as digits (and, up to twenty, as a
 * word). True/false, ordering and matching items answer with a verdict or an arrangement, not
 * a text, so nothing else can print their answer.
 */
export function answerTexts(item: Item): string[] {
	switch (item.kind) {
		case 'single':
			return [item.answer];
		case 'multi':
			return item.answers;
		case 'typed':
			// Lower-case variants are everyday words ("road", "military") found everywhere.
			return [item.answer, ...(item.accept ?? []).filter((a) => /^\p{Lu}/u.test(a))];
		case 'numeric': {
			const texts = [formatNumber(item.answer, item.unit), String(item.answer)];
			const word = NUMBER_WORDS[item.answer];
			if (Number.isInteger(item.answer) && word) texts.push(word);
			return [...new Set(texts)];
		}
		case 'truefalse':
		case 'ordering':
		case 'matching':
			return [];
	}
}

/**
 * What a learner sees of an item before answering and may take as true, field by field: the
 * prompt, ordering entries and matching pairs. Options are left out: an answer shown among
 * distractors tells nothing.
 */
export function visibleTexts(item: Item): { field: string; texts: string[] }[] {
	const shown = [{ field: 'prompt', texts: [item.prompt] }];
	switch (item.kind) {
		case 'single':
		case 'multi':
			break;
		case 'ordering':
			shown.push({ field: 'sequence', texts: item.sequence });
			break;
		case 'matching':
			shown.push({ field: 'pairs', texts: item.pairs.flatMap((p) => [p.left, p.right]) });
			break;
		case 'truefalse':
		case 'typed':
		case 'numeric':
			break;
	}
	return shown;
}

/**
 * ` words ` of a text, normalised, so a phrase is found only as whole words; thousands
 * separators are dropped first, so "6,700" is one number and does not contain "6".
 */
const spaced = (text: string) => ` ${normalizeText(text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1'))} `;

/**
 * The stems of a text's words of 4 letters or more, by a crude stemmer (a common ending
 * dropped, then the first 7 letters), so "mediated" and "mediating", "attack" and "attacks"
 * meet, while "Stepanyan" and "Stepanakert" stay apart.
 */
function stems(text: string): Set<string> {
	return new Set(
		normalizeText(text)
			.split(' ')
			.filter((w) => w.length >= 4)
			.map((w) => w.replace(/(?:ing|ed|es|e|s)$/, '').slice(0, 7))
	);
}

/** Everything an item shows, options included: for how common a word is in the bank. */
function allText(item: Item): string {
	const options = item.kind === 'single' || item.kind === 'multi' ? item.options : [];
	return [...visibleTexts(item).flatMap((f) => f.texts), ...options].join(' ');
}

/**
 * A stem is distinctive when at most this share of the items show it: "Karabakh", "article"
 * or "Azerbaijan" are in too many items to tie one to another.
 */
export const DISTINCTIVE_SHARE = 0.08;

/**
 * Every give-away in `items` between two items that share no exclusion group, and are not
 * excused by the revealed item's `allowReveal` (which names the revealing item's id).
 *
 * Names of the story (Russia, Stepanakert, Wednesday) are in dozens of items without telling
 * what an item asks about them, so a give-away is an answer printed in another item together
 * with what the question is about: the other item also shows a distinctive word of the
 * revealed item's prompt (see `DISTINCTIVE_SHARE`). "Which country mediated the cease-fire?"
 * is given away by "a Russia-mediated truce", not by "Russia's military base".
 */
export function findGiveAways(
	items: readonly Item[],
	context: readonly Item[] = items
): GiveAway[] {
	const shownStems = new Map<string, Set<string>>();
	const frequency = new Map<string, number>();
	for (const item of context) {
		const all = stems(allText(item));
		shownStems.set(item.id, all);
		for (const stem of all) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
	}
	// In a small bank (a test fixture) a share means little: allow a word in 3 items at least.
	const limit = Math.max(3, Math.floor(context.length * DISTINCTIVE_SHARE));
	const shown = items.map((item) => ({
		item,
		stems: shownStems.get(item.id) ?? stems(allText(item)),
		fields: visibleTexts(item).map(({ field, texts }) => ({
			field,
			text: texts.map(spaced).join('|')
		}))
	}));
	const found: GiveAway[] = [];
	for (const item of items) {
		const answers = answerTexts(item)
			.map((answer) => ({ answer, key: spaced(answer) }))
			.filter(({ key }) => key.trim().length > 0);
		if (answers.length === 0) continue;
		const answerStems = stems(answerTexts(item).join(' '));
		const topic = [...stems(item.prompt)].filter(
			(s) => !answerStems.has(s) && (frequency.get(s) ?? 0) <= limit
		);
		if (topic.length === 0) continue;
		for (const other of shown) {
			if (other.item.id === item.id || shareGroup(item, other.item)) continue;
			if (item.allowReveal?.[other.item.id] !== undefined) continue;
			const shared = topic.filter((s) => other.stems.has(s)).length;
			if (shared < Math.min(SHARED_STEMS, topic.length)) continue;
			const hit = other.fields
				.flatMap(({ field, text }) => answers.map((a) => ({ field, ...a, text })))
				.find(({ key, text }) => text.includes(key));
			if (hit) {
				found.push({ revealed: item.id, by: other.item.id, answer: hit.answer, field: hit.field });
			}
		}
	}
	return found;
}

/** Excuses in `allowReveal` that no longer excuse anything: the id is gone or shows nothing. */
export function staleExcuses(items: readonly Item[]): { item: string; by: string }[] {
	const byId = new Map(items.map((i) => [i.id, i]));
	const stale: { item: string; by: string }[] = [];
	for (const item of items) {
		for (const by of Object.keys(item.allowReveal ?? {})) {
			const other = byId.get(by);
			const unexcused = { ...item, allowReveal: undefined };
			const still =
				other !== undefined &&
				!shareGroup(item, other) &&
				findGiveAways([unexcused, other], items).some((g) => g.revealed === item.id);
			if (!still) stale.push({ item: item.id, by });
		}
	}
	return stale;
}
