/**
 * Reading a stored answer back. An `AnswerResponse` has no kind tag, and a response read
 * from storage, a backup or a result code (or left over from another question) may not fit
 * the item at hand, so every reader goes through `readResponse`: the response of that kind,
 * with only its own field, or null when it does not fit. Adding a question kind means adding
 * a case here, which the compiler asks for.
 */
import type { ItemKind } from './bank.ts';
import type { ResponseByKind } from './check-answer.ts';

const isStringList = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((s) => typeof s === 'string');

const isStringRecord = (v: unknown): v is Record<string, string> =>
	typeof v === 'object' &&
	v !== null &&
	!Array.isArray(v) &&
	Object.values(v).every((s) => typeof s === 'string');

/** The response to an item of `kind`, when `value` has its shape; otherwise null. */
export function readResponse<K extends ItemKind>(
	kind: K,
	value: unknown
): ResponseByKind[K] | null {
	if (typeof value !== 'object' || value === null) return null;
	const r = value as Partial<Record<string, unknown>>;
	const read = (): ResponseByKind[ItemKind] | null => {
		switch (kind as ItemKind) {
			case 'single':
				return typeof r.choice === 'string' ? { choice: r.choice } : null;
			case 'multi':
				return isStringList(r.choices) ? { choices: [...r.choices] } : null;
			case 'truefalse':
				return typeof r.value === 'boolean' ? { value: r.value } : null;
			case 'typed':
			case 'numeric':
				return typeof r.text === 'string' ? { text: r.text } : null;
			case 'ordering':
				return isStringList(r.order) ? { order: [...r.order] } : null;
			case 'matching':
				return isStringRecord(r.pairs) ? { pairs: { ...r.pairs } } : null;
		}
	};
	return read() as ResponseByKind[K] | null;
}

/** Whether a response to an item of `kind` says nothing: missing, misshapen or empty. */
export function isBlankResponse(kind: ItemKind, value: unknown): boolean {
	const r = readResponse(kind, value) as Partial<Record<string, unknown>> | null;
	if (!r) return true;
	if (typeof r.text === 'string') return r.text.trim() === '';
	if (Array.isArray(r.choices)) return r.choices.length === 0;
	if (Array.isArray(r.order)) return r.order.length === 0;
	if (r.pairs) return Object.keys(r.pairs).length === 0;
	return false;
}
