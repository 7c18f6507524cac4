/**
 * `npm test`: every check, built once, run in parallel where two cores allow, timed.
 *
 *   1. check ‖ lint ‖ bank:check
 *   2. build (once: Playwright's preview and the engine journeys both serve it)
 *   3. unit (quick property runs) ‖ property (every property at full strength)
 *   4. Chromium e2e (Playwright) ‖ Firefox and WebKit journeys (tests/engines/run.ts)
 *
 * A group runs only when the one before passed (like `&&`). Each command's output is printed
 * whole when it ends, so parallel output does not interleave. At the end: a table of where
 * the time went, with the load average, so a figure taken on a busy machine says so.
 *
 * Options: --serial (one command at a time), --no-browsers (stop after group 3), --json PATH
 * (also write the figures there; this is `npm run bench:suite`, which writes bench/suite.json).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';

interface Step {
	name: string;
	command: string;
	env?: Record<string, string>;
}

const GROUPS: Step[][] = [
	[
		{ name: 'check', command: 'npm run check' },
		{ name: 'lint', command: 'npm run lint' },
		{ name: 'bank:check', command: 'npm run bank:check' }
	],
	[{ name: 'build', command: 'npm run build' }],
	[
		{ name: 'unit', command: 'npm run test:unit' },
		{ name: 'property', command: 'npm run test:property' }
	],
	[
		{ name: 'Chromium e2e', command: 'npx playwright test', env: { E2E_BUILT: '1' } },
		{ name: 'Firefox + WebKit', command: 'npm run test:engines' }
	]
];

const args = process.argv.slice(2);
const serial = args.includes('--serial') || process.env.TEST_SERIAL === '1';
const jsonAt = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const groups = args.includes('--no-browsers') ? GROUPS.slice(0, 3) : GROUPS;

interface Figure {
	step: string;
	seconds: number;
	ok: boolean;
	/** One-minute load average when the step ended (the machine has `cores` cores). */
	load: number;
}
const figures: Figure[] = [];
const secs = (ms: number) => Math.round(ms / 100) / 10;

function run(step: Step): Promise<boolean> {
	const start = Date.now();
	return new Promise((resolve) => {
		const child = spawn(step.command, {
			shell: true,
			env: { ...process.env, ...step.env, FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		child.stdout.on('data', (d) => out.push(d));
		child.stderr.on('data', (d) => out.push(d));
		child.on('close', (code) => {
			const ok = code === 0;
			const seconds = secs(Date.now() - start);
			figures.push({ step: step.name, seconds, ok, load: Math.round(loadavg()[0] * 10) / 10 });
			process.stdout.write(
				`\n── ${step.name} (${step.command}): ${ok ? 'passed' : 'FAILED'} in ${seconds} s\n`
			);
			process.stdout.write(Buffer.concat(out));
			resolve(ok);
		});
	});
}

const started = Date.now();
const loadAtStart = Math.round(loadavg()[0] * 10) / 10;
let ok = true;
for (const group of groups) {
	const results: boolean[] = [];
	if (serial) for (const step of group) results.push(await run(step));
	else results.push(...(await Promise.all(group.map(run))));
	if (results.includes(false)) {
		ok = false;
		break;
	}
}
const total = secs(Date.now() - started);

console.log('\nWhere the time went (s; load = 1-minute load average at the end of the step):');
for (const f of figures)
	console.log(
		`  ${f.step.padEnd(18)} ${String(f.seconds).padStart(7)}  ${f.ok ? 'ok    ' : 'FAILED'}  load ${f.load}`
	);
console.log(
	`  ${'total (wall)'.padEnd(18)} ${String(total).padStart(7)}  ${serial ? 'serial' : 'parallel groups'}, ` +
		`${cpus().length} cores, load ${loadAtStart} at the start`
);
if (jsonAt) {
	mkdirSync(dirname(jsonAt), { recursive: true });
	writeFileSync(
		jsonAt,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				cores: cpus().length,
				cpu: cpus()[0]?.model,
				serial,
				loadAtStart,
				totalSeconds: total,
				ok,
				steps: figures
			},
			null,
			'\t'
		) + '\n'
	);
}
process.exit(ok ? 0 : 1);
