/**
 * One chunk for what every page runs, for `build.rolldownOptions.output.codeSplitting`.
 *
 * Left to itself, Rolldown splits the modules every page needs (Kit's client, Svelte's
 * runtime, the root layout and the state it reads) by which of Kit's entries import them,
 * into a dozen chunks of a few hundred bytes to 20 KB. A first visit then asks for twenty
 * files; each costs a request (on HTTP/1.1 a connection slot), and Lighthouse's simulated
 * slow phone pays a round trip for every few of them. The root layout is part of every
 * page, so its static imports and those of Kit's two entries can travel as one file: the
 * same bytes, in one request.
 *
 * Only static imports are followed: what a page or the layout imports lazily stays apart.
 */
import { resolve } from 'node:path';
import type { Rolldown } from 'vite';

type Group = Rolldown.CodeSplittingGroup;

/** The modules the shell starts from: Kit's client entries and the root layout's node. */
const ROOTS = [
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
	'.svelte-kit/generated/client-optimized/app.js',
	'.svelte-kit/generated/client-optimized/nodes/0.js'
];

export function shellChunk(root = process.cwd()): Group {
	const roots = ROOTS.map((path) => resolve(root, path));
	/** Per bundle (each environment chunks its own graph): the static closure of the roots. */
	let shell: { of: unknown; ids: Set<string> } | null = null;
	return {
		name(id, ctx) {
			const info = (m: string) => ctx.getModuleInfo(m);
			if (shell?.of !== info(roots[0])) {
				const ids = new Set<string>();
				const stack = roots.flatMap((r) => info(r)?.importedIds ?? []);
				while (stack.length) {
					const next = stack.pop()!;
					if (ids.has(next)) continue;
					ids.add(next);
					stack.push(...(info(next)?.importedIds ?? []));
				}
				shell = { of: info(roots[0]), ids };
			}
			return shell.ids.has(id) ? 'shell' : null;
		},
		debugName: 'shell'
	};
}
