import type { ItemKind } from '$lib/domain/bank';

/** How each kind of question is named to a person. */
export const KIND_NAMES: Record<ItemKind, string> = {
	single: 'Single choice',
	multi: 'Multiple select',
	truefalse: 'True or false',
	typed: 'Typed answer',
	numeric: 'Number',
	ordering: 'Put in order',
	matching: 'Match the pairs'
};
