/**
 * `{@html …}` writes markup without escaping: with text from a bank file, a backup, a shared
 * link or a learner's name, it is an injection hole the Content Security Policy only partly
 * covers. Every .svelte file under src/ may use it only with a string literal or with one of
 * the app-owned constants below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Identifiers `{@html}` may render: constants the app itself defines, never data. Add one
 * only with a comment saying where it is defined and why it holds no outside text.
 */
const HTML_ALLOW_LIST: readonly string[] = [];

interface HtmlUse {
	line: number;
	expression: string;
}

/** Every `{@html …}` tag in a component's source, with its line (1-based) and expression. */
function findHtmlTags(source: string): HtmlUse[] {
	const uses: HtmlUse[] = [];
	const pattern = /\{@html\b/g;
	for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
		const start = match.index + match[0].length;
		const end = closingBrace(source, start);
		uses.push({
			line: source.slice(0, match.index).split('\n').length,
			expression: source.slice(start, end).trim()
		});
	}
	return uses;
}

/** Index of the `}` closing an expression that starts at `from` (strings and nesting aware). */
function closingBrace(source: string, from: number): number {
	let depth = 0;
	for (let i = from; i < source.length; i++) {
		const c = source[i];
		if (c === "'" || c === '"' || c === '`') {
			i = skipString(source, i);
		} else if (c === '{') {
			depth++;
		} else if (c === '}') {
			if (depth === 0) return i;
			depth--;
		}
	}
	return source.length;
}

function skipString(source: string, start: number): number {
	const quote = source[start];
	for (let i = start + 1; i < source.length; i++) {
		if (source[i] === '\\') i++;
		else if (source[i] === quote) return i;
	}
	return source.length;
}

const STRING_LITERAL = /^(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`)$/;

/** True when `{@html expression}` is safe by construction. */
function isAllowed(expression: string, allowList: readonly string[] = HTML_ALLOW_LIST) {
	return STRING_LITERAL.test(expression) || allowList.includes(expression);
}

/** One message per offending tag: `file:line {@html expression}`. */
function checkSource(
	file: string,
	source: string,
	allowList: readonly string[] = HTML_ALLOW_LIST
): string[] {
	return findHtmlTags(source)
		.filter((use) => !isAllowed(use.expression, allowList))
		.map((use) => `${file}:${use.line} {@html ${use.expression}}`);
}

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('no {@html} with anything but a literal or an allowed constant', () => {
	it('holds for every .svelte file under src/', () => {
		const files = svelteFiles(join(ROOT, 'src'));
		expect(files.length).toBeGreaterThan(0);
		const problems = files.flatMap((file) =>
			checkSource(relative(ROOT, file), readFileSync(file, 'utf8'))
		);
		expect(
			problems,
			'{@html} renders unescaped markup: render text with {expression} instead, or add an ' +
				'app-owned constant to HTML_ALLOW_LIST in tests/unit/scripts/no-html.test.ts.\n' +
				problems.join('\n')
		).toEqual([]);
	});

	describe('the scanner', () => {
		const sample = [
			'<script lang="ts">',
			"\tconst ICON = '<svg></svg>';",
			'\tlet { item } = $props();',
			'</script>',
			'',
			'<p>{@html item.explanation}</p>',
			"<p>{@html '<b>fixed</b>'}</p>",
			'<p>{@html "<i>fixed</i>"}</p>',
			'<p>{@html `<u>fixed</u>`}</p>',
			'<p>{@html ICON}</p>',
			'<p>{@html   learner.name  }</p>',
			'<p>{@html marked(item.text, { gfm: true })}</p>',
			'<p>{@html `<b>${name}</b>`}</p>',
			"<p>{@html '<b>' + name + '</b>'}</p>",
			'<p>{name} {@const x = 1}</p>'
		].join('\n');

		it('finds every tag with its line and whole expression', () => {
			expect(findHtmlTags(sample).map((u) => [u.line, u.expression])).toEqual([
				[6, 'item.explanation'],
				[7, "'<b>fixed</b>'"],
				[8, '"<i>fixed</i>"'],
				[9, '`<u>fixed</u>`'],
				[10, 'ICON'],
				[11, 'learner.name'],
				[12, 'marked(item.text, { gfm: true })'],
				[13, '`<b>${name}</b>`'],
				[14, "'<b>' + name + '</b>'"]
			]);
		});

		it('lets literals and allowed constants through, and names file and line of the rest', () => {
			expect(checkSource('src/Sample.svelte', sample, ['ICON'])).toEqual([
				'src/Sample.svelte:6 {@html item.explanation}',
				'src/Sample.svelte:11 {@html learner.name}',
				'src/Sample.svelte:12 {@html marked(item.text, { gfm: true })}',
				'src/Sample.svelte:13 {@html `<b>${name}</b>`}',
				"src/Sample.svelte:14 {@html '<b>' + name + '</b>'}"
			]);
		});

		it('refuses an identifier that is not on the allow-list', () => {
			expect(checkSource('a.svelte', '{@html ICON}')).toEqual(['a.svelte:1 {@html ICON}']);
			expect(checkSource('a.svelte', 'no tags here {@render x()}')).toEqual([]);
		});
	});
});
