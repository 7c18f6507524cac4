import type { Attachment } from 'svelte/attachments';

/**
 * `{@attach focusOnMount(...keys)}`: moves focus to the element once it is on the page, and
 * again each time one of `keys` changes (a reload, another outcome). For a screen's heading
 * (with tabindex="-1"), so a screen reader starts reading there and Tab goes on from it;
 * app.css keeps the focus ring off such a heading, as it is not a control.
 */
export function focusOnMount(...keys: unknown[]): Attachment<HTMLElement> {
	// The keys are read where the attachment is written: a change makes Svelte attach it anew.
	void keys;
	return (element) => element.focus();
}
