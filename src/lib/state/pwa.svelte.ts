import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker's life as the page sees it: registered, ready offline, or holding a
 * new version that waits for the person to accept a reload (never forced: an answer being
 * typed must not vanish).
 */
class PwaState {
	#offlineReady = $state(false);
	#updateReady = $state(false);
	#registerError = $state<string | null>(null);
	#update: ((reloadPage?: boolean) => Promise<void>) | null = null;

	/** True once every page and the bank are cached: the app now opens with no network. */
	get offlineReady() {
		return this.#offlineReady;
	}

	/** True when a new version is installed and waiting. */
	get updateReady() {
		return this.#updateReady;
	}

	get registerError() {
		return this.#registerError;
	}

	register() {
		if (this.#update || !('serviceWorker' in navigator)) return;
		this.#update = registerSW({
			immediate: true,
			onOfflineReady: () => (this.#offlineReady = true),
			onNeedRefresh: () => (this.#updateReady = true),
			onRegisterError: (error: unknown) => {
				this.#registerError = error instanceof Error ? error.message : String(error);
			}
		});
	}

	/** Lets the waiting version take over, then reloads the page onto it. */
	async applyUpdate() {
		// workbox-window reloads by itself only when this page load began under an older
		// worker; a page that installed the first version and then found an update in the same
		// session would stay on the old files, so reload on the switch of controller here.
		navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
			once: true
		});
		await this.#update?.(true);
	}

	dismissUpdate() {
		this.#updateReady = false;
	}

	dismissOfflineReady() {
		this.#offlineReady = false;
	}
}

export const pwa = new PwaState();
