/**
 * The floor the Lighthouse figures are read against: bench/floor, a bare SvelteKit page with
 * a service worker (adapter-static, @vite-pwa/sveltekit as its documentation sets it up),
 * built from this repo's own dependency versions. Whatever a page of Factdeck costs beyond
 * it is the app's own.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const FLOOR_DIR = join(import.meta.dirname, '..', 'bench', 'floor');

/** Builds the floor into bench/floor/build (about 20 s). */
export function buildFloor(): void {
	const vite = join(import.meta.dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js');
	execFileSync(process.execPath, [vite, 'build'], { cwd: FLOOR_DIR, stdio: 'ignore' });
}
