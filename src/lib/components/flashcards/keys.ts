/**
 * Which key presses the flashcard shortcuts must leave alone: keys typed into a text field,
 * Space on a control that Space already operates, and presses with a modifier.
 */

/** Input types that take no typing (they are toggled or pressed instead). */
const UNTYPED_INPUTS = new Set([
	'button',
	'checkbox',
	'color',
	'file',
	'image',
	'radio',
	'range',
	'reset',
	'submit'
]);

/** Controls that Space presses, toggles or opens by itself. */
const SPACE_CONTROLS =
	'button, summary, select, input, textarea, [contenteditable]:not([contenteditable="false"]), ' +
	'[role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], ' +
	'[role="menuitem"], [role="option"], [role="combobox"], [role="textbox"]';

/** True when the key goes into a text field: a text input, a textarea, a select or editable text. */
export function typingIn(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	// jsdom has no isContentEditable, so the attribute is checked as well.
	if (
		target.isContentEditable ||
		target.closest('[contenteditable]:not([contenteditable="false"])')
	)
		return true;
	return target instanceof HTMLInputElement && !UNTYPED_INPUTS.has(target.type);
}

/** True when Space already does something on the target: a text field, a button, a checkbox… */
export function usesSpace(target: EventTarget | null): boolean {
	return target instanceof Element && target.closest(SPACE_CONTROLS) !== null;
}

/** True when Ctrl, Alt or Meta is held: such presses belong to the browser or the system. */
export function withModifier(event: KeyboardEvent): boolean {
	return event.ctrlKey || event.altKey || event.metaKey;
}
