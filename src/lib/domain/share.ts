/**
 * How a link is passed on: the phone's share sheet where the browser offers one for it,
 * else an email. Pure: the caller hands in the browser's navigator.
 */

/** The parts of `navigator` that sharing reads. */
export interface ShareCapable {
	share?: (data: ShareData) => Promise<void>;
	canShare?: (data: ShareData) => boolean;
}

/**
 * Whether to offer the share sheet for `data`: the browser has `navigator.share`, and
 * `navigator.canShare`, where it exists, says yes for this data.
 */
export function canShareLink(nav: ShareCapable | undefined, data: ShareData): boolean {
	if (!nav || typeof nav.share !== 'function') return false;
	if (typeof nav.canShare !== 'function') return true;
	try {
		return nav.canShare(data);
	} catch {
		return false;
	}
}

/** A `mailto:` address with no recipient, a subject and a body (the sender picks who). */
export function mailtoHref(subject: string, body: string): string {
	// encodeURIComponent, not URLSearchParams: mail apps read '+' as a plus, not a space.
	return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
