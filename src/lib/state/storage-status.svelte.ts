/**
 * Problems with storage that the whole app must show: another tab upgraded the database
 * (this tab closed its connection and must reload), or a write failed for lack of space.
 */
import { onVersionChange } from '$lib/storage/db';
import { StorageFullError } from '$lib/storage/errors';

class StorageStatus {
	#outdated = $state(false);
	#full = $state(false);

	/** True once a newer version in another tab took over the database. */
	get outdated() {
		return this.#outdated;
	}

	/** True after a write failed because the device is full. */
	get full() {
		return this.#full;
	}

	watch(): () => void {
		return onVersionChange(() => (this.#outdated = true));
	}

	/**
	 * Call with any error from a storage write: remembers a full disk so the layout can show
	 * the way out. Returns the sentence to show next to the action that failed.
	 */
	report(error: unknown): string {
		if (error instanceof StorageFullError) {
			this.#full = true;
			return error.message;
		}
		return error instanceof Error ? error.message : String(error);
	}

	dismissFull() {
		this.#full = false;
	}
}

export const storageStatus = new StorageStatus();
