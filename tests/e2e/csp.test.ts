/**
 * The Content Security Policy (svelte.config.js, kit.csp) is in every built page and the app
 * breaks none of it: no violation while a page loads, hydrates, registers its service worker,
 * and again after an offline reload served from the precache.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { offlineBadge, ROUTES, waitForServiceWorker } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
/** What the adapter writes and a static host serves. */
const BUILD = join(ROOT, 'build');

/** Directives every page's policy must have, with exactly these sources (hashes aside). */
const EXPECTED: Record<string, string[]> = {
	'default-src': ["'self'"],
	'script-src': ["'self'"],
	'style-src': ["'self'"],
	'style-src-attr': ["'unsafe-hashes'"],
	'img-src': ["'self'", 'data:', 'blob:'],
	'connect-src': ["'self'"],
	'worker-src': ["'self'"],
	'manifest-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"]
};

type Policy = Map<string, string[]>;

function parsePolicy(content: string): Policy {
	const policy: Policy = new Map();
	for (const part of content.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

function checkPolicy(policy: Policy, where: string) {
	// Not in script-src, nor anywhere else.
	for (const [name, sources] of policy) {
		expect(sources, `${where}: ${name}`).not.toContain("'unsafe-inline'");
		expect(sources, `${where}: ${name}`).not.toContain("'unsafe-eval'");
	}
	for (const [name, sources] of Object.entries(EXPECTED)) {
		const listed = (policy.get(name) ?? []).filter((s) => !s.startsWith("'sha256-"));
		expect(listed, `${where}: ${name}`).toEqual(sources);
	}
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

interface Violation {
	directive: string;
	blocked: string;
	sample: string;
	url: string;
}

/**
 * Collects every `securitypolicyviolation` event of every document in the context (from the
 * first byte parsed, through reloads) and every console message about the policy.
 */
async function watchViolations(context: BrowserContext, page: Page) {
	const violations: Violation[] = [];
	const consoleErrors: string[] = [];
	await context.exposeBinding('__factdeckCspViolation', (_source, v: Violation) => {
		violations.push(v);
	});
	await context.addInitScript(() => {
		const report = (window as unknown as { __factdeckCspViolation(v: unknown): void })
			.__factdeckCspViolation;
		document.addEventListener(
			'securitypolicyviolation',
			(e) =>
				report({
					directive: e.effectiveDirective,
					blocked: e.blockedURI,
					sample: e.sample,
					url: e.documentURI
				}),
			{ capture: true }
		);
	});
	page.on('console', (message) => {
		if (/content.security.policy|refused to/i.test(message.text())) {
			consoleErrors.push(`${message.type()}: ${message.text()}`);
		}
	});
	return { violations, consoleErrors };
}

async function readPolicy(page: Page): Promise<string> {
	const meta = page.locator('meta[http-equiv="content-security-policy"]');
	await expect(meta).toHaveCount(1);
	// The policy must come before every resource it governs.
	const first = await page.evaluate(() => {
		const el = document.head.querySelector('meta[http-equiv="content-security-policy"]')!;
		const links = [...document.querySelectorAll('link, script, style')];
		return links.every((l) => el.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(first, 'the policy meta precedes every link, script and style').toBe(true);
	return (await meta.getAttribute('content')) ?? '';
}

test.describe('Content Security Policy', () => {
	for (const route of ROUTES) {
		test(`${route.path}: policy in the page, no violation online or after an offline reload`, async ({
			page,
			context
		}) => {
			const seen = await watchViolations(context, page);

			await page.goto(route.path);
			const policy = parsePolicy(await readPolicy(page));
			checkPolicy(policy, route.path);
			const hashes = (policy.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-"));
			expect(hashes, 'Kit hashes its boot script').toHaveLength(1);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			// The worker registered (by the hydrated layout), installed and in control.
			await waitForServiceWorker(page);

			await context.setOffline(true);
			await page.reload();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			await expect(offlineBadge(page)).toBeVisible();
			checkPolicy(parsePolicy(await readPolicy(page)), `${route.path} (offline)`);
			expect(
				await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL),
				'served by the service worker'
			).toMatch(/\/prompt-sw\.js$/);
			await context.setOffline(false);

			expect(seen.violations).toEqual([]);
			expect(seen.consoleErrors).toEqual([]);
		});
	}

	test('every built page carries the policy, and it lists the hash of each inline script', () => {
		const pages: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				else if (entry.name.endsWith('.html')) pages.push(path);
			}
		};
		walk(BUILD);
		expect(pages.length).toBeGreaterThanOrEqual(ROUTES.length);
		// Kit's route announcer has a style attribute; svelte.config.js lists its hash.
		const root = readFileSync(join(ROOT, '.svelte-kit', 'generated', 'root.svelte'), 'utf8');
		const announcer = /id="svelte-announcer"[^>]*\sstyle="([^"]*)"/.exec(root)?.[1];
		for (const file of pages) {
			const where = relative(BUILD, file);
			const html = readFileSync(file, 'utf8');
			const metas = [
				...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)
			];
			expect(metas, `${where}: one policy meta`).toHaveLength(1);
			const policy = parsePolicy(metas[0][1].replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
			checkPolicy(policy, where);
			if (announcer !== undefined) {
				expect(
					policy.get('style-src-attr'),
					`${where}: the hash of Kit's announcer style; set KIT_ANNOUNCER_STYLE in ` +
						`svelte.config.js to "${announcer}"`
				).toContain(sha256(announcer));
			}
			const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)];
			for (const [, attributes, text] of inline) {
				// Data blocks (Kit's serialised fetches) are not run, so need no hash.
				if (/type="application\/(ld\+)?json"/i.test(attributes)) continue;
				expect(policy.get('script-src'), `${where}: hash of an inline script`).toContain(
					sha256(text)
				);
			}
			expect(html, `${where}: no inline event handler`).not.toMatch(/\son[a-z]+="/i);
		}
	});

	test('blob: downloads, the manifest, prerendered style attributes and the announcer work', async ({
		page,
		context
	}) => {
		const seen = await watchViolations(context, page);
		await page.goto('/settings');
		await waitForServiceWorker(page);

		// A backup is offered as a blob: URL (src/lib/download.ts).
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: /^Download .*'s backup$/ }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.json$/);

		// Colour swatches are drawn as SVG (no style attribute the policy would block).
		const swatch = page.getByRole('radio', { name: 'Blue' }).first().locator('..');
		await expect(swatch.locator('circle')).toHaveAttribute('fill', '#1d4ed8');
		expect((await swatch.locator('svg').boundingBox())?.width).toBeGreaterThan(30);

		// Kit's route announcer, filled on client-side navigation, stays visually hidden.
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'About' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the source');
		await expect(page.locator('#svelte-announcer')).not.toBeEmpty();
		await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');
		await expect(page.locator('#svelte-announcer')).toHaveCSS('width', '1px');

		// data: and blob: images, as generated images (QR codes) would use.
		const loaded = await page.evaluate(async () => {
			const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>';
			const blobUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
			const load = (src: string) =>
				new Promise<boolean>((resolve) => {
					const img = new Image();
					img.onload = () => resolve(true);
					img.onerror = () => resolve(false);
					img.src = src;
				});
			const result = [
				await load(`data:image/svg+xml,${encodeURIComponent(svg)}`),
				await load(blobUrl)
			];
			URL.revokeObjectURL(blobUrl);
			return result;
		});
		expect(loaded).toEqual([true, true]);

		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ short_name: 'Factdeck' });

		expect(seen.violations).toEqual([]);
		expect(seen.consoleErrors).toEqual([]);
	});

	test('the policy blocks an inline script, eval, a foreign host and an unlisted style attribute', async ({
		page,
		context
	}) => {
		const seen = await watchViolations(context, page);
		await page.goto('/about');
		// Code run by page.evaluate itself is exempt from the policy (DevTools evaluation), so
		// the attempts run from a timer, as page code would.
		await page.evaluate(() => {
			const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
			setTimeout(() => {
				const script = document.createElement('script');
				script.textContent = 'window.__inlineRan = true';
				document.body.append(script);
				document.body.setAttribute('style', 'outline: 1px solid red');
				try {
					(0, eval)('1');
					w.__evalRan = true;
				} catch {
					w.__evalRan = false;
				}
			});
		});
		await page.waitForFunction(() => '__evalRan' in window);
		const outcome = await page.evaluate(() => {
			const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
			return { inline: w.__inlineRan === true, eval: w.__evalRan === true };
		});
		expect(outcome).toEqual({ inline: false, eval: false });
		const fetched = await page.evaluate(() =>
			fetch('https://example.com/').then(
				() => true,
				() => false
			)
		);
		expect(fetched).toBe(false);
		await expect
			.poll(() => seen.violations.map((v) => v.directive).sort())
			.toEqual(['connect-src', 'script-src', 'script-src-elem', 'style-src-attr']);
		expect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe('none');
	});
});
