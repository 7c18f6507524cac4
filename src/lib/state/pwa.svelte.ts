/**
 * The service worker's life as the page sees it: registered, ready offline, or holding a
 * new version that waits for the person to accept a reload (never forced: an answer being
 * typed must not vanish).
 *
 * Registration is a few lines over the platform API rather than workbox-window: it keeps
 * about 3 KB of script off every first visit, and it treats an update found in the same
 * page session as any other (workbox-window does not reload such a page).
 */
import { dev } from '$app/environment';

/** The worker @vite-pwa/sveltekit builds from src/prompt-sw.ts. */
const WORKER_URL = '/prompt-sw.js';

/**
 * Where the "ready to work offline" note is. It changes the layout only when the page changes,
 * never under a finger: the worker can finish installing at any moment of a first visit (many
 * seconds in on a slow phone), and a line appearing or leaving in the header then would move
 * the button being tapped. So the note waits for the next page, shows there, and is gone from
 * the one after.
 */
type OfflineNote = 'not-ready' | 'waiting' | 'shown' | 'done';

class PwaState {
	#offlineNote = $state<OfflineNote>('not-ready');
	#updateReady = $state(false);
	#registerError = $state<string | null>(null);
	#registration: ServiceWorkerRegistration | null = null;

	/**
	 * True on the one page that says the app now opens with no network (every page and the bank
	 * are cached): the first page opened after the worker became ready on a first visit.
	 */
	get offlineNote() {
		return this.#offlineNote === 'shown';
	}

	/** Called on every page change (the first render included): moves the note on a step. */
	pageChanged() {
		if (this.#offlineNote === 'waiting') this.#offlineNote = 'shown';
		else if (this.#offlineNote === 'shown') this.#offlineNote = 'done';
	}

	/** True when a new version is installed and waiting. */
	get updateReady() {
		return this.#updateReady;
	}

	get registerError() {
		return this.#registerError;
	}

	/** Registers the worker (production builds only: the dev server has none). */
	async register(): Promise<void> {
		if (dev || this.#registration || !('serviceWorker' in navigator)) return;
		try {
			const registration = await navigator.serviceWorker.register(WORKER_URL, { scope: '/' });
			this.#registration = registration;
			if (!navigator.serviceWorker.controller) {
				// First visit: once a worker is active, its install (the precache) is complete.
				void navigator.serviceWorker.ready.then(() => {
					if (this.#offlineNote === 'not-ready') this.#offlineNote = 'waiting';
				});
			} else if (registration.waiting) {
				this.#updateReady = true;
			}
			registration.addEventListener('updatefound', () => this.#track(registration.installing));
		} catch (error) {
			this.#registerError = error instanceof Error ? error.message : String(error);
		}
	}

	/**
	 * Follows a worker being installed. When the page is already controlled by an older one
	 * (even one it installed itself earlier in this session), the new one waits for the person.
	 */
	#track(worker: ServiceWorker | null) {
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && navigator.serviceWorker.controller) {
				this.#updateReady = true;
			}
		});
	}

	/** Lets the waiting version take over, then reloads the page onto it. */
	async applyUpdate() {
		const waiting = this.#registration?.waiting;
		if (!waiting) return;
		navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
			once: true
		});
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismissUpdate() {
		this.#updateReady = false;
	}
}

export const pwa = new PwaState();
