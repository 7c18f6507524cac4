import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Playwright cannot download its own browser here: it drives the system's Chromium. */
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
	throw new Error(
		`No Chromium found at ${executablePath}. Install it (Debian: apt-get install -y chromium) ` +
			'or set the environment variable CHROMIUM_PATH to a Chromium or Chrome executable.'
	);
}

/** Flags from ../shared/STACK.md: without the networking ones Chromium floods a closed network. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
export const CHROMIUM_PATH = executablePath;
/** Port of the preview server; E2E_PORT lets two work trees run their suites side by side. */
export const PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	/*
	 * Sized from measured durations (see bench/README.md, "Test suite"): the slowest ordinary test
	 * takes about 6 s on a quiet 2-core machine and 14 s with the machine loaded to a load
	 * average of 10; 45 s leaves more than 3x over the loaded figure. The two-device assignment
	 * journey sets its own, longer limit. A web-first assertion waits up to 10 s, twice the
	 * longest single wait seen under that load.
	 */
	timeout: 45_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: { executablePath, args: CHROMIUM_ARGS }
	},
	projects: [
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], browserName: 'chromium' },
			// The policy is the same bytes at every viewport: csp.test.ts runs on the desktop only.
			testIgnore: [/install\.spec/, /update\.spec/, /csp\.test/]
		},
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], browserName: 'chromium' },
			testIgnore: [/update\.spec/, /zoom\.spec/, /phone\.spec/]
		},
		{
			// Simulates a new deployment on the shared preview server, so it runs after the rest.
			name: 'update',
			use: { ...devices['Pixel 7'], browserName: 'chromium' },
			testMatch: /update\.spec/,
			dependencies: ['phone', 'desktop']
		}
	],
	webServer: {
		// `npm test` builds once for every engine and sets E2E_BUILT=1 (scripts/test-suite.ts).
		command: `${process.env.E2E_BUILT ? '' : 'npm run build && '}npx vite preview --port ${PORT} --strictPort`,
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
