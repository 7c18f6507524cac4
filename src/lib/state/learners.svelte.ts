/**
 * The learners on this device and the one studying now: app-wide state over
 * src/lib/storage/learners.ts. Other tabs hear about changes through a BroadcastChannel.
 */
import type { Learner } from '$lib/domain/records';
import {
	addLearner,
	deleteLearner,
	ensureLearner,
	listLearners,
	setCurrentLearnerId,
	updateLearner
} from '$lib/storage/learners';
import { StorageUnavailableError } from '$lib/storage/errors';

export type LoadStatus = 'loading' | 'ready' | 'unavailable';

class LearnerState {
	#learners = $state.raw<Learner[]>([]);
	#currentId = $state<string | null>(null);
	/** 'unavailable' when the browser refuses IndexedDB: the app still shows its pages. */
	#status = $state<LoadStatus>('loading');
	#channel: BroadcastChannel | null = null;

	get learners() {
		return this.#learners;
	}

	get current(): Learner | null {
		return this.#learners.find((l) => l.id === this.#currentId) ?? null;
	}

	get status() {
		return this.#status;
	}

	/** Loads the learners, creating the default one on the very first visit. */
	async load(): Promise<void> {
		try {
			const current = await ensureLearner(crypto.randomUUID(), Date.now());
			this.#learners = await listLearners();
			this.#currentId = current.id;
			this.#status = 'ready';
		} catch (error) {
			if (error instanceof StorageUnavailableError) {
				this.#status = 'unavailable';
				return;
			}
			throw error;
		}
		if (!this.#channel && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel('factdeck-learners');
			this.#channel.onmessage = () => void this.#refresh();
		}
	}

	async #refresh() {
		this.#learners = await listLearners();
		if (!this.current) {
			const current = await ensureLearner(crypto.randomUUID(), Date.now());
			this.#learners = await listLearners();
			this.#currentId = current.id;
		}
	}

	#announce() {
		this.#channel?.postMessage('changed');
	}

	async switchTo(id: string): Promise<void> {
		await setCurrentLearnerId(id);
		this.#currentId = id;
	}

	async add(name: string, colour: string): Promise<Learner> {
		const learner = await addLearner({
			id: crypto.randomUUID(),
			name: name.trim(),
			colour,
			createdAt: Date.now()
		});
		this.#learners = [...this.#learners, learner];
		this.#announce();
		return learner;
	}

	async update(id: string, changes: { name?: string; colour?: string }): Promise<void> {
		const updated = await updateLearner(
			id,
			changes.name === undefined ? changes : { ...changes, name: changes.name.trim() }
		);
		this.#learners = this.#learners.map((l) => (l.id === id ? updated : l));
		this.#announce();
	}

	/** Deletes a learner and all their progress; another learner becomes current if needed. */
	async remove(id: string): Promise<void> {
		await deleteLearner(id);
		await this.#refresh();
		this.#announce();
	}

	/** After an import: new learners may have arrived. */
	async reload(): Promise<void> {
		await this.#refresh();
		this.#announce();
	}
}

export const learners = new LearnerState();
