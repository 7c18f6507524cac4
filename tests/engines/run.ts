/**
 * `npm run test:engines`: the core journeys (tests/engines/journeys.ts) in Firefox ESR and in
 * WebKit (WebKitGTK), on the production build in `build/` (run `npm run build` first), served
 * by tests/engines/server.ts. Engines run one after the other: the offline journeys stop the
 * shared server. Prints one line per journey and a closing `N passed, N failed`; exits 1 on any
 * failure, and 2 when an engine is missing (naming the Debian package to install).
 *
 * Usage: tsx tests/engines/run.ts [firefox] [webkit]   (both when none is named)
 * Environment: ENGINES_PORT (default 4176; the IndexedDB-less server uses it + 10),
 * FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH.
 */
import { existsSync } from 'node:fs';
import { Session, setStepTimeout, waits, type Driver } from './driver.ts';
import { FIREFOX_PACKAGE, FIREFOX_PATH, launchFirefox } from './firefox.ts';
import { JOURNEYS, type World } from './journeys.ts';
import { startServer, type StaticServer } from './server.ts';
import { launchWebKit, missingWebKit } from './webkit.ts';

/**
 * Timeouts, sized from measured runs (docs/engines.md), at least 3x the slowest seen on a busy
 * machine (load average 12 to 16 on 2 cores): the slowest single wait that passed was 7.1 s
 * (Firefox, a new profile's service worker taking control), the slowest journey that passed
 * 46.6 s (WebKit, teacher and student).
 */
const STEP_TIMEOUT = 25_000;
const JOURNEY_TIMEOUT = 150_000;

interface Engine {
	name: string;
	/** Debian packages to install when this engine is missing, or none. */
	missing(): string[];
	/** Starts the engine; `profile()` opens a fresh profile. */
	start(): Promise<{ profile(): Promise<Driver>; stop(): Promise<void> }>;
}

const ENGINES: Engine[] = [
	{
		name: 'firefox',
		missing: () => (existsSync(FIREFOX_PATH) ? [] : [FIREFOX_PACKAGE]),
		async start() {
			const root = await launchFirefox();
			return { profile: () => root.newProfile(), stop: () => root.close() };
		}
	},
	{
		name: 'webkit',
		missing: missingWebKit,
		async start() {
			return { profile: launchWebKit, stop: async () => {} };
		}
	}
];

const port = Number(process.env.ENGINES_PORT || 4176);
const wanted = process.argv.slice(2);
const engines = wanted.length ? ENGINES.filter((e) => wanted.includes(e.name)) : ENGINES;
if (wanted.some((w) => !ENGINES.some((e) => e.name === w))) {
	console.error(`Unknown engine in ${wanted.join(' ')}: choose from firefox, webkit.`);
	process.exit(2);
}
const missing = engines.flatMap((e) => e.missing());
if (missing.length) {
	console.error(
		`Missing browser engine: install Debian's ${missing.join(' ')} ` +
			`(as root: apt-get install -y ${missing.join(' ')}). No engine is skipped.`
	);
	process.exit(2);
}
setStepTimeout(STEP_TIMEOUT);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let passed = 0;
let failed = 0;
const started = Date.now();
const summary: string[] = [];

for (const engine of engines) {
	const engineStart = Date.now();
	let server: StaticServer | null = await startServer(port);
	const noIdb = await startServer(port + 10, { noIndexedDb: true });
	const running = await engine.start();
	const open = new Set<Driver>();
	let learner = null as Session | null;
	const profile = async (origin = server!.origin) => {
		const driver = await running.profile();
		open.add(driver);
		return new Session(driver, origin);
	};
	const world: World = {
		profile,
		async learner() {
			learner ??= await profile();
			return learner;
		},
		async stopServer() {
			await server?.stop();
			server = null;
		},
		async startServer() {
			server ??= await startServer(port);
		},
		noIndexedDbOrigin: noIdb.origin
	};
	let slowest = 0;
	for (const journey of JOURNEYS) {
		const start = Date.now();
		let timer: NodeJS.Timeout | undefined;
		try {
			await Promise.race([
				journey.run(world),
				new Promise((_, reject) => {
					timer = setTimeout(
						() => reject(new Error(`journey timed out after ${seconds(JOURNEY_TIMEOUT)}`)),
						JOURNEY_TIMEOUT
					);
				})
			]);
			passed++;
			console.log(`  ok    ${engine.name} › ${journey.name} (${seconds(Date.now() - start)})`);
		} catch (e) {
			failed++;
			console.log(`  FAIL  ${engine.name} › ${journey.name} (${seconds(Date.now() - start)})`);
			console.log(
				`        ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n        ')}`
			);
			// What each profile of the journey showed at that moment.
			for (const driver of open) {
				const seen = await Promise.race([
					Promise.all([
						driver.url(),
						driver.evaluate<string>('document.body.innerText.replace(/\\s+/g, " ").slice(0, 700)')
					]).catch((err) => ['?', String(err)]),
					new Promise<string[]>((r) => setTimeout(() => r(['?', 'no answer']), 5000))
				]);
				console.log(`        at ${seen[0]}: ${seen[1]}`);
			}
		} finally {
			clearTimeout(timer);
			slowest = Math.max(slowest, Date.now() - start);
			// Close this journey's profiles, but keep the learner's for the next study journey.
			for (const driver of [...open])
				if (driver !== learner?.driver) {
					open.delete(driver);
					await driver.close().catch(() => {});
				}
			await world.startServer();
		}
	}
	for (const driver of open) await driver.close().catch(() => {});
	await running.stop();
	await server?.stop();
	await noIdb.stop();
	summary.push(
		`${engine.name}: ${seconds(Date.now() - engineStart)}, slowest journey ${seconds(slowest)}, ` +
			`slowest wait ${seconds(waits.slowest)} (${waits.where})`
	);
	Object.assign(waits, { slowest: 0, where: '' });
}

for (const line of summary) console.log(line);
console.log(`engines: ${seconds(Date.now() - started)} in all`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
