/**
 * A static server for the production build (`build/`, adapter-static's output), as any static
 * host serves it. The engine journeys start and stop it: stopping it is how "the server is
 * gone" is made true in every engine alike (WebKitGTK's WebDriver has no network switch).
 *
 * With `noIndexedDb`, every HTML page carries one extra classic script, served from this
 * origin (the app's CSP allows 'self'), that removes `indexedDB` before the app's modules run:
 * the same for every engine, where an init script would need a different API in each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import sirv from 'sirv';

const ROOT = join(import.meta.dirname, '..', '..', 'build');
const NO_IDB_PATH = '/__engines/no-indexeddb.js';
/** Runs before the app: a browser whose IndexedDB is switched off (some private modes). */
const NO_IDB_SCRIPT = `Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });`;

export interface StaticServer {
	readonly origin: string;
	stop(): Promise<void>;
}

/** The HTML file a path maps to (`/quiz` → quiz.html, `/` → index.html), if there is one. */
function htmlFile(pathname: string): string | undefined {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates =
		clean === '/' ? ['index.html'] : [`${clean}.html`, join(clean, 'index.html'), clean];
	return candidates
		.map((c) => join(ROOT, c))
		.find((f) => f.startsWith(ROOT) && f.endsWith('.html') && existsSync(f));
}

export async function startServer(port: number, options: { noIndexedDb?: boolean } = {}) {
	if (!existsSync(join(ROOT, 'index.html')))
		throw new Error(`No production build in ${ROOT}: run npm run build first.`);
	const files = sirv(ROOT, { dev: false, etag: true, extensions: ['html'] });
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		if (options.noIndexedDb && url.pathname === NO_IDB_PATH) {
			res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
			res.end(NO_IDB_SCRIPT);
			return;
		}
		const html = options.noIndexedDb ? htmlFile(url.pathname) : undefined;
		if (html) {
			const text = readFileSync(html, 'utf8').replace(
				/<head>/,
				`<head><script src="${NO_IDB_PATH}"></script>`
			);
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(text);
			return;
		}
		files(req, res, () => {
			// Unknown paths get the 404 page, as a static host configured for the app would.
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			res.end(readFileSync(join(ROOT, '404.html')));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	} satisfies StaticServer;
}
