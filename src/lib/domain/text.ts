/**
 * Text normalisation shared by bank validation and answer checking: two strings that a
 * person would call "the same answer" normalise to the same key.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents removed, punctuation and hyphens read as spaces, spacing collapsed. */
export function normalizeText(input: string): string {
	return input
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(NON_WORD, ' ')
		.trim();
}

/** `normalizeText` with the spaces removed too, so 'Nagorno Karabakh' matches 'Nagorno-Karabakh'. */
export function compactKey(input: string): string {
	return normalizeText(input).replace(/ /g, '');
}
