/**
 * `npm run bench`: builds the app, serves the production build, and prints figures:
 * gzipped JS and CSS that the first visit of each route loads (measured in Chromium, service
 * worker blocked so only the page's own requests count), and the total the service worker
 * precaches. Writes the same figures to bench/results.json with the machine and date.
 * Figures, not pass/fail: the machines here are shared and noisy.
 */
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';

const ROOT = join(import.meta.dirname, '..');
const PORT = 4179;
const ROUTES = ['/', '/about'];
const TARGET_HOME_JS_KB = 45;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function waitForServer(url: string) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`preview server did not start at ${url}`);
}

interface RouteFigures {
	route: string;
	jsGzipKB: number;
	cssGzipKB: number;
	requests: number;
}

async function measureRoutes(base: string): Promise<RouteFigures[]> {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const figures: RouteFigures[] = [];
	try {
		for (const route of ROUTES) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const bodies: Promise<{ type: string; gz: number }>[] = [];
			page.on('response', (response) => {
				const type = response.request().resourceType();
				bodies.push(
					response
						.body()
						.then((body) => ({ type, gz: gzipSync(body, { level: 9 }).length }))
						.catch(() => ({ type, gz: 0 }))
				);
			});
			await page.goto(base + route, { waitUntil: 'networkidle' });
			const all = await Promise.all(bodies);
			const sum = (t: string) => all.filter((b) => b.type === t).reduce((s, b) => s + b.gz, 0);
			figures.push({
				route,
				jsGzipKB: kb(sum('script')),
				cssGzipKB: kb(sum('stylesheet')),
				requests: all.length
			});
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return figures;
}

function precacheFigures() {
	const worker = readFileSync(join(ROOT, 'build', 'prompt-sw.js'), 'utf8');
	const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
	let raw = 0;
	let gz = 0;
	for (const url of urls) {
		const file = url === '/' ? 'index.html' : url.includes('.') ? url : `${url}.html`;
		const path = join(ROOT, 'build', file.replace(/^\//, ''));
		raw += statSync(path).size;
		gz += gzipSync(readFileSync(path), { level: 9 }).length;
	}
	return { entries: urls.length, rawKB: kb(raw), gzipKB: kb(gz) };
}

console.log('Building…');
execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
	cwd: ROOT,
	stdio: 'ignore',
	detached: true
});
try {
	const base = `http://localhost:${PORT}`;
	await waitForServer(base);
	const routes = await measureRoutes(base);
	const precache = precacheFigures();
	const home = routes.find((r) => r.route === '/')!;
	const results = {
		date: new Date().toISOString(),
		machine: {
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memoryGB: Math.round(totalmem() / 2 ** 30),
			node: process.version
		},
		firstVisit: routes,
		precache,
		targets: {
			homeJsGzipKB: {
				target: TARGET_HOME_JS_KB,
				measured: home.jsGzipKB,
				met: home.jsGzipKB <= TARGET_HOME_JS_KB
			}
		}
	};
	console.log('\nFirst visit (gzipped, service worker blocked)');
	console.log('  route        JS KB   CSS KB   requests');
	for (const r of routes) {
		console.log(
			`  ${r.route.padEnd(10)} ${String(r.jsGzipKB).padStart(7)} ${String(r.cssGzipKB).padStart(8)} ${String(r.requests).padStart(10)}`
		);
	}
	console.log(
		`\nPrecache: ${precache.entries} entries, ${precache.rawKB} KB (${precache.gzipKB} KB gzipped)`
	);
	console.log(
		`Target: home JS <= ${TARGET_HOME_JS_KB} KB gzipped: ${home.jsGzipKB} KB, ${results.targets.homeJsGzipKB.met ? 'met' : 'MISSED'}`
	);
	mkdirSync(join(ROOT, 'bench'), { recursive: true });
	writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, '\t') + '\n');
	console.log('\nWritten to bench/results.json');
} finally {
	if (server.pid) process.kill(-server.pid);
}
