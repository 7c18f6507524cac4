/**
 * Whether the browser believes it is online. The app works the same either way; the header
 * shows it so a learner knows why, say, sharing a link may not send right now.
 */
class Connectivity {
	#online = $state(true);

	get online() {
		return this.#online;
	}

	/** Starts listening (browser only). Returns a function that stops it. */
	watch(): () => void {
		const update = () => (this.#online = navigator.onLine);
		update();
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}
}

export const connectivity = new Connectivity();
