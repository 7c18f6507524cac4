/**
 * Runs inside the page, in every engine alike: finds elements as a person names them (role
 * and accessible name, label, visible text), with Testing Library's role and label queries
 * (dom-accessibility-api computes the names). The runner bundles this file with esbuild into
 * one script and installs it as `window.__fdq` the first time a journey queries a page.
 */
import { queryAllByLabelText, queryAllByRole, type ByRoleMatcher } from '@testing-library/dom';

/**
 * A text to match, as Playwright's locators do: a string is found anywhere in the text, case
 * ignored (whole, when the query says `exact`); a pattern is tested. Spaces are normalised.
 */
export type TextMatch = string | { re: string; flags: string };

/** What a person looks for. Exactly one of role, label, text or css; `within` narrows it. */
export interface Query {
	role?: string;
	name?: TextMatch;
	level?: number;
	label?: TextMatch;
	/** Visible text: the smallest elements whose text contains the string (or match the pattern). */
	text?: TextMatch;
	css?: string;
	within?: Query;
	/** Keeps the matches whose text contains this (or matches the pattern), like Playwright's filter. */
	hasText?: TextMatch;
	nth?: number;
	/** Names, labels and texts must equal the string (case and spaces aside from). */
	exact?: boolean;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function matches(match: TextMatch, text: string, exact = false): boolean {
	const s = norm(text);
	if (typeof match !== 'string') return new RegExp(match.re, match.flags).test(s);
	return exact ? s === norm(match) : s.toLowerCase().includes(norm(match).toLowerCase());
}

function visible(el: Element): boolean {
	if (el.getClientRects().length === 0) return false;
	return getComputedStyle(el).visibility !== 'hidden';
}

function byText(scope: Element, match: TextMatch, exact = false): Element[] {
	const hits = (el: Element) => matches(match, el.textContent ?? '', exact);
	const out: Element[] = [];
	const walk = (el: Element) => {
		if (el.matches('script, style, template')) return;
		if (!hits(el)) return;
		const children = [...el.children].filter(hits);
		if (children.length === 0) out.push(el);
		else children.forEach(walk);
	};
	walk(scope);
	return out.filter(visible);
}

/** Every element that answers the query, in document order. */
export function all(query: Query, root: Element = document.body): Element[] {
	const scope = query.within ? all(query.within, root)[0] : root;
	if (!scope) return [];
	let found: Element[];
	if (query.role) {
		const name = query.name;
		found = queryAllByRole(scope as HTMLElement, query.role as ByRoleMatcher, {
			name:
				name === undefined
					? undefined
					: (accessible: string) => matches(name, accessible, query.exact),
			level: query.level,
			hidden: false
		});
	} else if (query.label) {
		const label = query.label;
		found = queryAllByLabelText(scope as HTMLElement, (content: string) =>
			matches(label, content, query.exact)
		);
	} else if (query.text) found = byText(scope, query.text, query.exact);
	else found = [...scope.querySelectorAll(query.css ?? '*')].filter(visible);
	const has = query.hasText;
	if (has !== undefined) found = found.filter((el) => matches(has, el.textContent ?? ''));
	return query.nth === undefined ? found : found.slice(query.nth, query.nth + 1);
}

/** The first match, or null. */
export function first(query: Query): Element | null {
	return all(query)[0] ?? null;
}

/** The text a person reads in the first match (spaces normalised), or null. */
export function text(query: Query): string | null {
	const el = first(query);
	return el ? norm((el as HTMLElement).innerText ?? el.textContent ?? '') : null;
}

/** Sets a form control's value as a person's choice would, with the events that follow. */
export function choose(query: Query, optionText: string): boolean {
	const select = first(query) as HTMLSelectElement | null;
	const option = select && [...select.options].find((o) => norm(o.text) === norm(optionText));
	if (!select || !option) return false;
	select.value = option.value;
	select.dispatchEvent(new Event('input', { bubbles: true }));
	select.dispatchEvent(new Event('change', { bubbles: true }));
	return true;
}

/** Empties a text field (as select-all and delete would) before typing into it. */
export function clear(query: Query): boolean {
	const input = first(query) as HTMLInputElement | null;
	if (!input) return false;
	input.focus();
	input.value = '';
	input.dispatchEvent(new Event('input', { bubbles: true }));
	return true;
}

/**
 * Whether the first match can take a click as a person's would: brought into view and not
 * covered by another element at its centre. Returns its box too: the caller clicks once two
 * looks in a row give the same box (it has stopped moving). No animation frames: a page in a
 * background tab gets none.
 */
export function actionable(query: Query): { state: string; box: string } {
	const el = first(query);
	if (!el) return { state: 'missing', box: '' };
	el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
	const r = el.getBoundingClientRect();
	const box = [r.left, r.top, r.width, r.height].map(Math.round).join(',');
	const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	const label = (el as HTMLInputElement).labels?.[0];
	const reached = hit && (el.contains(hit) || hit.contains(el) || label?.contains(hit));
	return { state: reached ? 'ok' : 'covered', box };
}

const api = { all, first, text, choose, clear, actionable, norm, matches };
export type Fdq = typeof api;
(globalThis as unknown as { __fdq: Fdq }).__fdq = api;
