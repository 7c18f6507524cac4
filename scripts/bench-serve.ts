/**
 * The static server the benchmarks measure against: `vite preview` of a built SvelteKit app
 * (the production build, gzip on), one per app, each on its own port.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const VITE = join(import.meta.dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js');

export async function waitForServer(url: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`preview server did not start at ${url}`);
}

/** Serves the build of the SvelteKit app in `cwd` on `port`; resolves once it answers. */
export async function startPreview(cwd: string, port: number): Promise<{ stop(): void }> {
	const server = spawn(
		process.execPath,
		[VITE, 'preview', '--port', String(port), '--strictPort'],
		{
			cwd,
			stdio: 'ignore',
			detached: true
		}
	);
	const stop = () => {
		if (server.pid && server.exitCode === null) process.kill(-server.pid);
	};
	try {
		await waitForServer(`http://localhost:${port}/`);
	} catch (error) {
		stop();
		throw error;
	}
	return { stop };
}
