import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootAfterFirstPaint } from '$lib/server/boot-after-paint';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Kit's boot script as Kit 2 writes it (kit/src/runtime/server/page/render.js). */
const BOOT = `
				{
					__sveltekit_abc = {
						base: new URL(".", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.A.js"),
						import("./_app/immutable/entry/app.B.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [null,null],
							form: null,
							error: null
						});
					});
				}
			`;

/** A prerendered page as Kit writes it, policy meta first. */
function page(boot = BOOT, hash = sha256(BOOT)) {
	return `<!doctype html>
<html lang="en">
	<head>
		<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash}; style-src 'self' 'sha256-style='">
		<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/shell.js" rel="modulepreload">
		<link href="./_app/immutable/entry/app.B.js" rel="modulepreload">
		<link href="./_app/immutable/nodes/2.js" rel="modulepreload">
		<title>Home</title>
		<link rel="manifest" href="./manifest.webmanifest" />
		<style>body{margin:0}</style>
	</head>
	<body>
		<div><h1>Learn the facts</h1>
			<script>${boot}</script>
		</div>
	</body>
</html>`;
}

const scriptOf = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)![1];

/** Runs a page's boot script in a fake browser; returns what it did and its pending events. */
function run(html: string, { visibilityState = 'visible', paintTiming = true } = {}) {
	const appended: string[] = [];
	const imported: string[] = [];
	const started: unknown[] = [];
	const frames: (() => void)[] = [];
	const timers: { f: () => void; ms: number }[] = [];
	type Callback = (
		list: { getEntriesByName(n: string): unknown[] },
		o: { disconnect(): void }
	) => void;
	let observer: { callback: Callback; self: { disconnect(): void } } | null = null;
	let disconnected = false;
	const parent = { id: 'hydration target' };
	const document = {
		visibilityState,
		currentScript: { parentElement: parent },
		createElement: () => ({ rel: '', href: '' }),
		head: {
			append: (link: { rel: string; href: string }) => appended.push(`${link.rel} ${link.href}`)
		}
	};
	class PerformanceObserver {
		static supportedEntryTypes = paintTiming ? ['mark', 'paint'] : ['mark'];
		constructor(callback: Callback) {
			observer = { callback, self: this };
		}
		observe(options: unknown) {
			expect(options).toEqual({ type: 'paint', buffered: true });
		}
		disconnect() {
			disconnected = true;
		}
	}
	const sandbox: Record<string, unknown> = {
		document,
		location: 'https://factdeck.test/',
		URL,
		Promise,
		PerformanceObserver,
		requestAnimationFrame: (f: () => void) => void frames.push(f),
		setTimeout: (f: () => void, ms = 0) => void timers.push({ f, ms }),
		// `import()` is not a function: the script is rewritten to call this one instead.
		__import: (url: string) => {
			imported.push(url);
			return Promise.resolve({ start: (...args: unknown[]) => started.push(args) });
		}
	};
	sandbox.self = sandbox;
	runInNewContext(scriptOf(html).replaceAll('import(', '__import('), sandbox);
	// After the script, the parser moves on: currentScript is no longer this script.
	document.currentScript = null as never;
	/** Runs the timers due within `ms`. */
	const advance = (ms: number) => {
		const due = timers.filter((t) => t.ms <= ms);
		timers.splice(0, timers.length, ...timers.filter((t) => t.ms > ms));
		for (const t of due) t.f();
	};
	return {
		appended,
		imported,
		started,
		parent,
		frames,
		timers,
		disconnected: () => disconnected,
		paint: (name: string) =>
			observer?.callback(
				{ getEntriesByName: (n) => (n === name ? [{ name }] : []) },
				observer.self
			),
		advance,
		settle: () => new Promise((r) => setImmediate(r))
	};
}

const PRELOADS = [
	'modulepreload ./_app/immutable/entry/start.A.js',
	'modulepreload ./_app/immutable/chunks/shell.js',
	'modulepreload ./_app/immutable/entry/app.B.js',
	'modulepreload ./_app/immutable/nodes/2.js',
	'manifest ./manifest.webmanifest'
];

describe('bootAfterFirstPaint', () => {
	it('moves the head preloads and manifest into the boot script and lists its new hash', () => {
		const html = bootAfterFirstPaint(page());
		expect(html).not.toContain('rel="modulepreload"');
		expect(html).not.toContain('rel="manifest"');
		expect(html).toContain('<title>Home</title>');
		expect(html).toContain('<h1>Learn the facts</h1>');
		expect(html.match(/<script>/g)).toHaveLength(1);
		expect(html).toContain(`script-src 'self' ${sha256(scriptOf(html))};`);
		expect(html).not.toContain(sha256(BOOT));
		expect(html).toContain("'sha256-style='");
	});

	it('starts the downloads and Kit once the first contentful paint is on screen', async () => {
		const page_ = run(bootAfterFirstPaint(page()));
		page_.paint('first-paint');
		page_.advance(0);
		expect(page_.appended).toEqual([]);
		page_.paint('first-contentful-paint');
		expect(page_.disconnected()).toBe(true);
		expect(page_.appended).toEqual([]);
		page_.advance(0); // a task later: the paint's own work is done
		expect(page_.appended).toEqual(PRELOADS);
		expect(page_.imported).toEqual([
			'./_app/immutable/entry/start.A.js',
			'./_app/immutable/entry/app.B.js'
		]);
		await page_.settle();
		// Kit hydrates the element that held the script, found while the script ran.
		expect(page_.started).toHaveLength(1);
		expect((page_.started[0] as unknown[])[1]).toBe(page_.parent);
		// The fallback timer finds it started: nothing runs twice.
		page_.advance(3000);
		await page_.settle();
		expect(page_.appended).toHaveLength(5);
		expect(page_.started).toHaveLength(1);
	});

	it('starts after 3 s when no paint is reported', async () => {
		const page_ = run(bootAfterFirstPaint(page()));
		page_.advance(2999);
		expect(page_.appended).toEqual([]);
		page_.advance(3000);
		expect(page_.appended).toEqual(PRELOADS);
		await page_.settle();
		expect(page_.started).toHaveLength(1);
	});

	it('waits one frame where the browser has no Paint Timing', async () => {
		const page_ = run(bootAfterFirstPaint(page()), { paintTiming: false });
		expect(page_.timers).toEqual([]);
		page_.frames.shift()!(); // the first frame is being made
		expect(page_.appended).toEqual([]);
		page_.advance(0); // and has been drawn
		expect(page_.appended).toEqual(PRELOADS);
		await page_.settle();
		expect(page_.started).toHaveLength(1);
	});

	it('starts at once in a hidden tab, where nothing is painted until it is shown', async () => {
		const page_ = run(bootAfterFirstPaint(page()), { visibilityState: 'hidden' });
		expect(page_.appended).toEqual(PRELOADS);
		await page_.settle();
		expect(page_.started).toHaveLength(1);
	});

	it("fails the build when Kit's markup is not what it expects", () => {
		expect(() => bootAfterFirstPaint(page(BOOT, "'sha256-other='"))).toThrow(/hash/);
		expect(() =>
			bootAfterFirstPaint(page().replace('</body>', '<script>alert(1)</script></body>'))
		).toThrow(/found 2/);
		const noCurrentScript = BOOT.replace('document.currentScript.parentElement', 'document.body');
		expect(() => bootAfterFirstPaint(page(noCurrentScript, sha256(noCurrentScript)))).toThrow(
			/currentScript/
		);
	});
});
