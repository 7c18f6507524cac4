/**
 * Finding and calling the LMS's SCORM 1.2 API (the `API` object an LMS puts on a parent
 * frame or the opening window), as the SCORM 1.2 run-time environment describes it.
 */

/** The SCORM 1.2 API an LMS provides (values are strings; "true"/"false" for success). */
export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: ''): string;
	LMSGetLastError(): string;
	LMSGetErrorString(code: string): string;
}

type WithApi = Window & { API?: Scorm12Api };

/** The API on `win` or one of its parents (at most `depth` levels up), or null. */
function searchUp(win: Window | null, depth: number): Scorm12Api | null {
	for (let w = win, level = 0; w && level <= depth; level++) {
		try {
			const api = (w as WithApi).API;
			if (api && typeof api.LMSInitialize === 'function') return api;
		} catch {
			// A frame of another origin: its properties cannot be read. Keep climbing.
		}
		if (w.parent === w) break;
		w = w.parent;
	}
	return null;
}

/** The LMS's API: this window's frames first, then the window that opened it. */
export function findApi(win: Window = window): Scorm12Api | null {
	return searchUp(win, 10) ?? (win.opener ? searchUp(win.opener as Window, 10) : null);
}

/** The LMS connection: a thin layer that reports the LMS's errors instead of ignoring them. */
export class Lms {
	#api: Scorm12Api;
	#open = false;
	/** The last error the LMS reported, as "code: text"; '' when none. */
	lastError = '';

	constructor(api: Scorm12Api) {
		this.#api = api;
	}

	get open(): boolean {
		return this.#open;
	}

	#check(ok: string): boolean {
		if (ok === 'true') return true;
		const code = this.#api.LMSGetLastError();
		this.lastError = `${code}: ${this.#api.LMSGetErrorString(code)}`;
		return false;
	}

	start(): boolean {
		this.#open = this.#check(this.#api.LMSInitialize(''));
		return this.#open;
	}

	get(element: string): string {
		return this.#open ? String(this.#api.LMSGetValue(element) ?? '') : '';
	}

	set(element: string, value: string): boolean {
		return this.#open && this.#check(this.#api.LMSSetValue(element, value));
	}

	commit(): boolean {
		return this.#open && this.#check(this.#api.LMSCommit(''));
	}

	finish(): boolean {
		if (!this.#open) return false;
		this.#open = false;
		return this.#check(this.#api.LMSFinish(''));
	}
}
