/**
 * Text normalisation shared by bank validation and answer checking: two strings that a
 * person would call "the same answer" normalise to the same key. The one accent folding
 * (the set editor's word filter and file-name slugs use it too).
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** The text with its accents dropped: "Ağdam" → "Agdam" (letters without a base, such as ə, stay). */
export function foldAccents(input: string): string {
	return input.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Lower case, accents removed, punctuation and hyphens read as spaces, spacing collapsed. */
export function normalizeText(input: string): string {
	return foldAccents(input).toLowerCase().replace(/['’]/g, '').replace(NON_WORD, ' ').trim();
}

/** `normalizeText` with the spaces removed too, so 'Nagorno Karabakh' matches 'Nagorno-Karabakh'. */
export function compactKey(input: string): string {
	return normalizeText(input).replace(/ /g, '');
}
