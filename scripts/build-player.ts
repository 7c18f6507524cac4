/**
 * Builds the SCORM player (vite.player.config.ts) in memory and returns its two files.
 * Used by the app's build (scripts/vite-plugin-scorm-player.ts), the bench and the tests.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import type { PlayerBundle } from '../src/lib/domain/scorm-package.ts';

const CONFIG = fileURLToPath(new URL('../vite.player.config.ts', import.meta.url));

export async function buildPlayer(): Promise<PlayerBundle> {
	const result = await build({ configFile: CONFIG, build: { write: false }, logLevel: 'warn' });
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const files = outputs.flatMap((o) => o.output);
	const text = (name: string) => {
		const file = files.find((f) => f.fileName === name);
		if (!file) throw new Error(`The player build made no ${name}`);
		return file.type === 'chunk'
			? file.code
			: typeof file.source === 'string'
				? file.source
				: new TextDecoder().decode(file.source);
	};
	return { js: text('player.js'), css: text('player.css') };
}
