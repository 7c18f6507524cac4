/**
 * Starts a page's scripts after its first paint (src/hooks.server.ts applies it to the pages
 * whose first paint is their content; build time only, on each prerendered page).
 *
 * Kit writes a `<link rel="modulepreload">` for every chunk a page needs into its head, and a
 * boot script at the end of its body that imports Kit and the app. A browser starts those
 * downloads while it parses the head, before the page is painted. Module scripts never block
 * the paint, but Lighthouse's simulated throttling (Lantern) counts every request that ended
 * before the paint it observed as needed for it: twenty small chunks on a fast machine end
 * first, and the simulated slow phone then "waits" for all of them (LCP 1.6 s where the HTML
 * alone paints at 0.7 s).
 *
 * The same goes for the web app manifest: the browser fetches it (and an icon it lists) as
 * soon as the page has loaded, which, with no script to wait for, is before the paint.
 *
 * This moves the preloads and the manifest link into the boot script and runs that script
 * once the page is on
 * screen: when the browser reports its first contentful paint (the Paint Timing API, which
 * reports a frame once it was shown, not merely drawn), or one frame later where that API is
 * missing, or after 3 s whatever happens. The downloads still start together, so the chunks
 * arrive in one round trip, not in a chain. They start when the page is on screen instead of
 * while its head is parsed: what a phone spends on its first paint (tens to a few hundred ms)
 * is added to the time until the page responds, not to the time until it shows. In a hidden
 * tab, where nothing is painted until the tab is shown, the script runs at once.
 *
 * The boot script is inline, and the Content Security Policy (kit.csp, mode 'hash') lists
 * the sha256 of Kit's text in the page's policy meta: the hash is replaced by the new
 * script's. Anything unexpected in Kit's markup (a later Kit writing it otherwise) throws,
 * so the prerender, and the build with it, fails rather than ship a page whose script the
 * policy blocks.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The script starts by then at the latest, painted or not. */
const FALLBACK_MS = 3000;

/** Kit's modulepreload tag (kit/src/runtime/server/page/render.js, `add_link_tag`). */
const PRELOAD = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
/** src/app.html's manifest link, as Kit writes it (with a relative path). */
const MANIFEST = /[ \t]*<link rel="manifest" href="([^"]+)" \/>\n?/g;
/** Kit's boot script: the one inline script of a page in hash mode (no nonce attribute). */
const SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * The page with its preloads and manifest link moved into its boot script, which runs after
 * the first paint.
 */
export function bootAfterFirstPaint(html: string): string {
	const scripts = [...html.matchAll(SCRIPT)];
	if (scripts.length !== 1) {
		throw new Error(`boot-after-paint: expected Kit's one boot script, found ${scripts.length}`);
	}
	const [tag, boot] = scripts[0];
	const oldHash = `'${sha256(boot)}'`;
	if (html.split(oldHash).length !== 2) {
		throw new Error("boot-after-paint: the page's policy does not list its boot script's hash");
	}
	if (boot.split('document.currentScript').length !== 2) {
		throw new Error('boot-after-paint: the boot script does not read document.currentScript once');
	}

	/** [rel, href] of each link the boot script adds. */
	const links: [string, string][] = [];
	const page = html
		.replace(PRELOAD, (_, href: string) => {
			links.push(['modulepreload', href]);
			return '';
		})
		.replace(MANIFEST, (_, href: string) => {
			links.push(['manifest', href]);
			return '';
		});

	// Kit's script finds the element to hydrate through document.currentScript, which is
	// null once the script has returned: it is kept beforehand.
	const script = `
				{
					const script = document.currentScript;
					let started = false;
					const boot = () => {
						if (started) return;
						started = true;
						for (const [rel, href] of ${JSON.stringify(links)}) {
							const link = document.createElement('link');
							link.rel = rel;
							link.href = href;
							document.head.append(link);
						}
						${boot.replace('document.currentScript', 'script').trim()}
					};
					if (document.visibilityState === 'hidden') boot();
					else if (!self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
						requestAnimationFrame(() => setTimeout(boot));
					} else {
						new PerformanceObserver((list, observer) => {
							if (!list.getEntriesByName('first-contentful-paint').length) return;
							observer.disconnect();
							setTimeout(boot);
						}).observe({ type: 'paint', buffered: true });
						setTimeout(boot, ${FALLBACK_MS});
					}
				}
			`;
	return page
		.replace(tag, () => `<script>${script}</script>`)
		.replace(oldHash, `'${sha256(script)}'`);
}
