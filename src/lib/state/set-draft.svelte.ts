/**
 * The set editor's draft (/teach/edit): the settings as the teacher types them, the chosen
 * questions in their order, what the last change did in words, and why a save was refused.
 * The rules are the domain's (settingsProblems, normaliseSettings, pickBalanced, LIMITS);
 * saving goes through saveComposed, which gives a shared set a new revision.
 */
import { getItem } from '$lib/bank';
import {
	LIMITS,
	normaliseSettings,
	settingsProblems,
	type AssignmentSettings,
	type TeacherSet
} from '$lib/domain/assignment';
import { pickBalanced } from '$lib/domain/assignment-compose';
import type { Item } from '$lib/domain/bank';
import { plural } from '$lib/domain/wording';
import { storageStatus } from './storage-status.svelte';
import { loadSet, saveComposed } from './teach';

/** What a new set starts as: a practice quiz, shuffled, one try, no questions yet. */
const NEW_SET: AssignmentSettings = {
	title: '',
	instructions: '',
	itemIds: [],
	mode: 'practice',
	shuffle: true,
	dueDate: null,
	showAnswers: true,
	tries: 1
};

export class SetDraft {
	/** The stored set this draft edits; null for a new set. */
	readonly existing: TeacherSet | null;
	/**
	 * The fields as the form shows them, bound to its inputs. `dueDate` may be '' (an empty
	 * date field); `itemIds` changes through toggle, pick and move.
	 */
	settings: AssignmentSettings = $state({ ...NEW_SET });
	#status = $state('');
	#errors = $state.raw<string[]>([]);
	#saving = $state(false);

	/** The chosen items this app has, in the set's order. */
	readonly chosen: Item[] = $derived(
		this.settings.itemIds.map(getItem).filter((i): i is Item => i !== undefined)
	);

	constructor(existing: TeacherSet | null = null, errors: string[] = []) {
		this.existing = existing;
		if (existing) {
			const { title, instructions, itemIds, mode, shuffle, dueDate, showAnswers, tries } = existing;
			this.settings = {
				title,
				instructions,
				itemIds: [...itemIds],
				mode,
				shuffle,
				dueDate,
				showAnswers,
				tries
			};
		}
		this.#errors = errors;
	}

	/** What the last change did, for a status line: "Moved to position 2." ('' for nothing). */
	get status() {
		return this.#status;
	}

	/** Why the set could not be saved (or loaded), as sentences; empty when nothing stops it. */
	get errors() {
		return this.#errors;
	}

	/** True while a save is being written. */
	get saving() {
		return this.#saving;
	}

	isChosen(item: Item): boolean {
		return this.settings.itemIds.includes(item.id);
	}

	/** Adds the item at the end, or removes it when chosen; a full set says so instead. */
	toggle(item: Item): void {
		this.#status = '';
		const ids = this.settings.itemIds;
		if (this.isChosen(item)) this.settings.itemIds = ids.filter((id) => id !== item.id);
		else if (ids.length >= LIMITS.maxItems)
			this.#status = `A set holds at most ${LIMITS.maxItems} questions.`;
		else this.settings.itemIds = [...ids, item.id];
	}

	/**
	 * Adds up to `count` items of `pool` spread across topics (pickBalanced: never one that
	 * gives a chosen one away), as many as the set has room for, and says how many it added.
	 */
	pick(pool: readonly Item[], count: number, seed = randomSeed()): void {
		const room = LIMITS.maxItems - this.settings.itemIds.length;
		const wanted = Math.max(0, Math.min(Math.floor(count) || 0, room));
		const picked = pickBalanced(pool, this.chosen, wanted, seed);
		this.settings.itemIds = [...this.settings.itemIds, ...picked.map((i) => i.id)];
		this.#status =
			picked.length === 0
				? 'No more questions match these filters (questions that give each other away are kept apart).'
				: `Added ${plural(picked.length, 'question')}${picked.length < wanted ? `: only ${picked.length} more match these filters` : ''}.`;
	}

	/** Moves the question at `index` one place up (-1) or down (1). */
	move(index: number, by: -1 | 1): void {
		const ids = [...this.settings.itemIds];
		const to = index + by;
		if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return;
		const [id] = ids.splice(index, 1);
		ids.splice(to, 0, id);
		this.settings.itemIds = ids;
		this.#status = `Moved to position ${to + 1}.`;
	}

	/** Checks the settings as a save would; false (with `errors` saying why) when they fail. */
	validate(): boolean {
		this.#errors = settingsProblems($state.snapshot(this.settings), this.chosen);
		return this.#errors.length === 0;
	}

	/**
	 * Saves the draft as it would be shared (normaliseSettings), after validate. Gives the
	 * stored set, or null when it was not saved (`errors` says why: the settings or storage).
	 */
	async save(now = Date.now()): Promise<TeacherSet | null> {
		if (this.#saving || !this.validate()) return null;
		this.#saving = true;
		try {
			return await saveComposed(
				normaliseSettings($state.snapshot(this.settings)),
				this.existing,
				now
			);
		} catch (e) {
			this.#errors = [storageStatus.report(e) + ' The set was not saved.'];
			return null;
		} finally {
			this.#saving = false;
		}
	}
}

function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * The draft for the set `id`, or a new set's without an id; null when this device has no
 * set with that id. A storage failure gives a new set's draft whose errors say so.
 */
export async function openDraft(id: string | null): Promise<SetDraft | null> {
	try {
		const set = await loadSet(id);
		if (id && !set) return null;
		return new SetDraft(set);
	} catch (e) {
		return new SetDraft(null, [storageStatus.report(e)]);
	}
}
