/**
 * The engine-neutral side of the engine journeys: a small `Driver` that each engine implements
 * (tests/engines/firefox.ts, webkit.ts), and the `Session` the journeys use on top of it, which
 * finds elements as a person names them (tests/engines/dom-query.ts, run in the page) and waits
 * on conditions, never on the clock.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Fdq, Query as PageQuery, TextMatch } from './dom-query.ts';

/** An element of the page, as the engine's client refers to it. */
export type Element = { readonly __element: unique symbol };

export type Key = 'Enter' | 'Space' | 'Tab' | '1' | '2' | '3' | '4' | '5' | '6';

export interface Driver {
	readonly engine: string;
	goto(url: string): Promise<void>;
	reload(): Promise<void>;
	url(): Promise<string>;
	/** Evaluates a JavaScript expression in the page; awaits a promise; returns JSON. */
	evaluate<T>(expression: string): Promise<T>;
	/** Evaluates an expression that yields an element (or null). */
	element(expression: string): Promise<Element | null>;
	click(el: Element): Promise<void>;
	/** Types into the element as keystrokes (the field is focused first). */
	type(el: Element, text: string): Promise<void>;
	/** A key press on whatever has focus. */
	press(key: Key): Promise<void>;
	/** Presses the primary pointer at the element's centre, moves dx sideways in steps, releases. */
	drag(el: Element, dx: number): Promise<void>;
	/** Sets the files of an `<input type="file">`. */
	upload(el: Element, path: string): Promise<void>;
	/** The folder where this profile's downloads land. */
	readonly downloadDir: string;
	/** Another profile: its own storage, no service worker, in the same engine. */
	newProfile(): Promise<Driver>;
	close(): Promise<void>;
}

/** What the journeys pass for text: a string (whole or contained, per method) or a RegExp. */
export type Text = string | RegExp;
export interface Query extends Omit<PageQuery, 'name' | 'label' | 'text' | 'within' | 'hasText'> {
	name?: Text;
	hasText?: Text;
	label?: Text;
	text?: Text;
	within?: Query;
}

/** Waits at most this long for any one condition (set by the runner from measured waits). */
export let STEP_TIMEOUT = 15_000;
export function setStepTimeout(ms: number) {
	STEP_TIMEOUT = ms;
}
/** The longest a condition took to come true, over the whole run (for sizing the timeout). */
export const waits = { slowest: 0, where: '' };

const serial = (t: Text | undefined): TextMatch | undefined =>
	t instanceof RegExp ? { re: t.source, flags: t.flags } : t;
function toPage(q: Query): PageQuery {
	return {
		...q,
		name: serial(q.name),
		label: serial(q.label),
		text: serial(q.text),
		hasText: serial(q.hasText),
		within: q.within && toPage(q.within)
	};
}
export const describe = (q: Query): string =>
	(q.within ? `${describe(q.within)} > ` : '') +
	(q.role
		? `${q.role}${q.level ? ` level ${q.level}` : ''}${q.name ? ` "${q.name}"` : ''}`
		: q.label
			? `field labelled "${q.label}"`
			: q.text
				? `text "${q.text}"`
				: `css ${q.css}`) +
	(q.hasText === undefined ? '' : ` with text ${JSON.stringify(q.hasText)}`) +
	(q.nth === undefined ? '' : ` #${q.nth}`);

/** Shorthands for the usual queries. */
export const role = (r: string, name?: Text, more: Partial<Query> = {}): Query => ({
	role: r,
	name,
	...more
});
export const heading = (level: number, name?: Text): Query => ({ role: 'heading', level, name });
export const text = (t: Text): Query => ({ text: t });
export const label = (l: Text): Query => ({ label: l });
export const within = (outer: Query, inner: Query): Query => ({ ...inner, within: outer });

let library: Promise<string> | undefined;
/** dom-query.ts as one classic script, built once per run. */
function pageLibrary(): Promise<string> {
	library ??= build({
		entryPoints: [join(import.meta.dirname, 'dom-query.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		target: 'es2022',
		minify: true
	}).then((r) => r.outputFiles[0].text);
	return library;
}

const MISSING = '__fdq_missing__';
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Errors that mean "the page went away under us" (a navigation): retry on the next page. */
const transient = (e: unknown) =>
	/context|destroyed|detached|navigat|stale|no such (window|frame|element)|unload|closed|not.*(attached|found)|JavaScript error|undefined is not an object/i.test(
		errorText(e)
	);

export class Session {
	constructor(
		readonly driver: Driver,
		readonly origin: string
	) {}

	get engine() {
		return this.driver.engine;
	}

	/**
	 * Navigates once the current page has finished loading: Firefox's BiDi refuses a navigation
	 * that interrupts an unfinished one.
	 */
	async goto(path: string) {
		await this.loaded();
		await this.driver.goto(path.startsWith('http') ? path : this.origin + path);
	}

	async reload() {
		await this.loaded();
		await this.driver.reload();
	}

	private async loaded() {
		await this.until(
			'the page to finish loading',
			() => this.driver.evaluate<string>('document.readyState'),
			(state) => state === 'complete'
		);
	}

	/** Runs `fn(fdq, arg)` in the page (installing dom-query first if needed). */
	async run<T, A = undefined>(fn: (fdq: Fdq, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
		const call = `(async () => { globalThis.__name ??= (f) => f; if (!globalThis.__fdq) return '${MISSING}'; return (${fn.toString()})(globalThis.__fdq, ${JSON.stringify(arg ?? null)}); })()`;
		let result = await this.driver.evaluate<T | typeof MISSING>(call);
		if (result === MISSING) {
			await this.driver.evaluate(`(() => { ${await pageLibrary()}; return true; })()`);
			result = await this.driver.evaluate<T | typeof MISSING>(call);
		}
		return result as T;
	}

	/**
	 * Waits until `probe` gives a value `ok` accepts, then returns it. Polls every 50 ms;
	 * a page that navigates meanwhile is polled again once it is there.
	 */
	async until<T>(
		what: string,
		probe: () => Promise<T>,
		ok: (value: T) => boolean,
		timeout = STEP_TIMEOUT
	): Promise<T> {
		const start = Date.now();
		let last: T | undefined;
		let lastError: unknown;
		for (;;) {
			try {
				last = await probe();
				lastError = undefined;
				if (ok(last)) {
					const took = Date.now() - start;
					if (took > waits.slowest) Object.assign(waits, { slowest: took, where: what });
					return last;
				}
			} catch (e) {
				if (!transient(e)) throw e;
				lastError = e;
			}
			if (Date.now() - start > timeout)
				throw new Error(
					`${this.engine}: timed out after ${timeout} ms waiting for ${what}` +
						(lastError
							? ` (last error: ${errorText(lastError)})`
							: ` (last seen: ${JSON.stringify(last)})`)
				);
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	count(q: Query) {
		return this.run((fdq, q) => fdq.all(q).length, toPage(q));
	}

	/** The text a person reads in the first match, or null when there is none. */
	textOf(q: Query) {
		return this.run((fdq, q) => fdq.text(q), toPage(q));
	}

	/** Waits for the element and returns it. */
	async find(q: Query): Promise<Element> {
		const expression = (page: PageQuery) =>
			`(() => { globalThis.__name ??= (f) => f; return globalThis.__fdq ? globalThis.__fdq.first(${JSON.stringify(page)}) : null; })()`;
		await this.see(q);
		return this.until(
			describe(q),
			() => this.driver.element(expression(toPage(q))),
			(el) => el !== null
		) as Promise<Element>;
	}

	/** Waits until at least one element answers the query. */
	async see(q: Query) {
		await this.until(
			`${describe(q)} to be there`,
			() => this.count(q),
			(n) => n > 0
		);
	}

	async expectCount(q: Query, n: number) {
		await this.until(
			`${n} of ${describe(q)}`,
			() => this.count(q),
			(c) => c === n
		);
	}

	/** Waits until the first match's whole text is `t` (string) or matches `t` (RegExp). */
	async expectText(q: Query, t: Text) {
		const want = serial(t)!;
		await this.until(
			`${describe(q)} to read ${t}`,
			() => this.run((fdq, a) => fdq.text(a.q), { q: toPage(q) }),
			(got) => got !== null && matchText(want, got, true)
		);
	}

	/** Waits until the first match's text contains `t` (string) or matches `t` (RegExp). */
	async expectContains(q: Query, t: Text) {
		const want = serial(t)!;
		await this.until(
			`${describe(q)} to contain ${t}`,
			() => this.textOf(q),
			(got) => got !== null && matchText(want, got, false)
		);
	}

	/** Waits until the element is in view, not covered, and at the same place twice running. */
	private async actionable(q: Query) {
		let last = '';
		await this.until(
			`${describe(q)} to take a click`,
			() => this.run((fdq, q) => fdq.actionable(q), toPage(q)),
			({ state, box }) => {
				const still = box === last;
				last = box;
				return state === 'ok' && still;
			}
		);
	}

	/** Clicks the element once it is in view, still and not covered (as Playwright waits). */
	async click(q: Query) {
		const el = await this.find(q);
		await this.actionable(q);
		await this.driver.click(el);
	}

	/**
	 * Empties a field, then types into it, until it holds exactly that text: a page that sets
	 * the field's first value late (a name loaded from storage) gets it replaced, as a person
	 * would see and correct it.
	 */
	async fill(q: Query, value: string) {
		await this.until(
			`${describe(q)} to hold ${JSON.stringify(value)}`,
			async () => {
				const el = await this.find(q);
				await this.run((fdq, q) => fdq.clear(q), toPage(q));
				if (value) await this.driver.type(el, value);
				return this.run((fdq, q) => (fdq.first(q) as HTMLInputElement | null)?.value, toPage(q));
			},
			(got) => got === value
		);
	}

	/** Clicks a checkbox or radio unless it already is as wanted. */
	async check(q: Query, checked = true) {
		const el = await this.find(q);
		const now = await this.run((fdq, q) => (fdq.first(q) as HTMLInputElement).checked, toPage(q));
		if (now !== checked) {
			await this.actionable(q);
			await this.driver.click(el);
		}
		await this.until(
			`${describe(q)} to be ${checked ? 'checked' : 'unchecked'}`,
			() => this.run((fdq, q) => (fdq.first(q) as HTMLInputElement | null)?.checked, toPage(q)),
			(c) => c === checked
		);
	}

	/** Picks an option of a `<select>` by its text. */
	async select(q: Query, option: string) {
		await this.see(q);
		const done = await this.run((fdq, a) => fdq.choose(a.q, a.option), { q: toPage(q), option });
		if (!done) throw new Error(`${this.engine}: no option "${option}" in ${describe(q)}`);
	}

	press(key: Key) {
		return this.driver.press(key);
	}

	async value(q: Query): Promise<string> {
		await this.see(q);
		return this.run((fdq, q) => (fdq.first(q) as HTMLInputElement).value, toPage(q));
	}

	async expectValue(q: Query, t: Text) {
		const want = serial(t)!;
		await this.until(
			`${describe(q)} to have the value ${t}`,
			() =>
				this.run((fdq, q) => (fdq.first(q) as HTMLInputElement | null)?.value ?? null, toPage(q)),
			(v) => v !== null && matchText(want, v, true)
		);
	}

	async upload(q: Query, path: string) {
		await this.driver.upload(await this.find(q), path);
	}

	async swipe(q: Query, direction: 'left' | 'right') {
		await this.driver.drag(await this.find(q), direction === 'left' ? -160 : 160);
	}

	/** Waits until the service worker is active, has finished activating and controls the page. */
	async serviceWorkerInControl() {
		await this.until(
			'a service worker to control the page',
			() =>
				this.driver.evaluate<string>(
					`(async () => { const r = await navigator.serviceWorker.getRegistration(); return (r && r.active ? r.active.state : 'none') + ':' + !!navigator.serviceWorker.controller; })()`
				),
			(state) => state === 'activated:true'
		);
	}

	/** Runs a plain function in the page (no dom-query), with one JSON argument. */
	evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
		return this.driver.evaluate<T>(
			`(async () => { globalThis.__name ??= (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`
		);
	}
}

function matchText(want: TextMatch, got: string, whole: boolean) {
	const s = got.replace(/\s+/g, ' ').trim();
	if (typeof want !== 'string') return new RegExp(want.re, want.flags).test(s);
	const w = want.replace(/\s+/g, ' ').trim();
	return whole ? s === w : s.includes(w);
}
