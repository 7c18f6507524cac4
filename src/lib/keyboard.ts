/**
 * Key hints and number badges show only to people who use a keyboard: `<html data-keys>` is
 * set from the start where the main pointer is fine (a mouse) and there is no touch screen,
 * and otherwise at the first key pressed outside a text field (a phone's on-screen keyboard
 * types into fields, so typing an answer does not count). app.css hides `[data-key-hint]`
 * until then. Every shortcut works either way. Returns a function that stops watching.
 */
export function watchKeyboard(): () => void {
	const root = document.documentElement;
	const mark = () => root.setAttribute('data-keys', '');
	if (matchMedia('(pointer: fine)').matches && !matchMedia('(any-pointer: coarse)').matches) {
		mark();
		return () => {};
	}
	const onKey = (event: KeyboardEvent) => {
		const target = event.target as HTMLElement | null;
		if (
			target?.closest?.(
				'input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable]'
			)
		)
			return;
		mark();
		removeEventListener('keydown', onKey, true);
	};
	addEventListener('keydown', onKey, true);
	return () => removeEventListener('keydown', onKey, true);
}
