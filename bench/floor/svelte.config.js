// The floor of scripts/bench-lighthouse.ts: a bare SvelteKit page with a service worker,
// built from the repo's own dependency versions (it has no package.json: Node finds them in
// ../../node_modules). Kit's defaults, adapter-static, every page prerendered.
import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: { adapter: adapter() }
};
