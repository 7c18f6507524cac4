/**
 * Storage failures a person must hear about, each with a way out. Everything else that goes
 * wrong in IndexedDB is a bug and propagates as is.
 */

/** IndexedDB cannot be used at all (some private modes, blocked storage, very old browsers). */
export class StorageUnavailableError extends Error {
	constructor(cause?: unknown) {
		super(
			'This browser will not let Factdeck store anything (private browsing can do this). ' +
				'You can still read the app, but progress cannot be saved.',
			{ cause }
		);
		this.name = 'StorageUnavailableError';
	}
}

/** The device or the browser's share of it is full: the write did not happen. */
export class StorageFullError extends Error {
	constructor(cause?: unknown) {
		super(
			'The device is out of space for Factdeck, so the last change was not saved. ' +
				'Free some space, or download a backup of what is stored.',
			{ cause }
		);
		this.name = 'StorageFullError';
	}
}

/** Maps a raw IndexedDB failure to one of the errors above when it is one. */
export function classifyStorageError(error: unknown): unknown {
	const name = (error as { name?: string } | null)?.name;
	if (name === 'QuotaExceededError') return new StorageFullError(error);
	if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
		return new StorageUnavailableError(error);
	}
	return error;
}
