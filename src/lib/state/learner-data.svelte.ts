/**
 * The current learner's data for a page: the one way pages load what belongs to a learner.
 * `learnerData(load)` runs `load(learnerId)` for the learner chosen in the header, again
 * whenever another learner is chosen, and on `reload()`. A reply that arrives after a newer
 * load started (the learner switched meanwhile) is dropped, so a page never shows one
 * learner's data under another's name.
 *
 * Create it while a component initialises (it owns an effect). Reactive values that `load`
 * reads before its first `await` are tracked too: the data reloads when they change.
 */
import { learners } from './learners.svelte';
import { storageStatus } from './storage-status.svelte';

export class LearnerData<T> {
	#load: (learnerId: string) => Promise<T>;
	#value = $state.raw<T | undefined>(undefined);
	#error = $state('');
	#loading = $state(true);
	/** Counts loads: only the latest one may write. */
	#run = 0;
	#learnerId: string | null = null;
	/** The learner's id, not the learner: renaming them does not reload their data. */
	#currentId = $derived(learners.current?.id ?? null);

	constructor(load: (learnerId: string) => Promise<T>) {
		this.#load = load;
		$effect(() => {
			const id = this.#currentId;
			this.#learnerId = id;
			this.#value = undefined;
			this.#error = '';
			if (id) void this.#fetch(id);
			else this.#run++;
		});
	}

	/** The data, or undefined until it has loaded (and after a learner switch). */
	get value(): T | undefined {
		return this.#value;
	}

	/** The sentence to show when the data could not be read; '' otherwise. */
	get error(): string {
		return this.#error;
	}

	/** True while a load is running, and before the first one starts. */
	get loading(): boolean {
		return this.#loading;
	}

	/** Loads again for the same learner; the current value stays on screen meanwhile. */
	reload(): Promise<void> {
		return this.#learnerId ? this.#fetch(this.#learnerId) : Promise.resolve();
	}

	async #fetch(learnerId: string): Promise<void> {
		const run = ++this.#run;
		this.#loading = true;
		try {
			const value = await this.#load(learnerId);
			if (run !== this.#run) return;
			this.#value = value;
			this.#error = '';
		} catch (e) {
			if (run !== this.#run) return;
			this.#error = storageStatus.report(e);
		}
		this.#loading = false;
	}
}

/** A learner's data for this component; see the module comment. */
export function learnerData<T>(load: (learnerId: string) => Promise<T>): LearnerData<T> {
	return new LearnerData(load);
}
