/**
 * The question bank's schema and its validation. Pure: the caller reads the files (YAML at
 * build time) and hands the parsed data here; every fault comes back with file, id and field.
 */
import * as v from 'valibot';
import { compactKey } from './text.ts';

export const ITEM_KINDS = [
	'single',
	'multi',
	'truefalse',
	'typed',
	'numeric',
	'ordering',
	'matching'
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const VERIFICATIONS = ['not-verified', 'not-stated', 'verified'] as const;
/** Whether the article says a claim was verified. */
export type Verification = (typeof VERIFICATIONS)[number];

export const MIN_DISTRACTORS = 3;
export const MIN_SEQUENCE = 3;
export const MAX_SEQUENCE = 6;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PARAGRAPH_PATTERN = /^p([1-9][0-9]*)$/;

/** Message for strict objects: an unknown key is most often a misspelt field. */
const fieldsMessage = (issue: v.BaseIssue<unknown>) => {
	if (issue.expected === 'never') return 'unknown field for this kind (check its spelling)';
	if (issue.received === 'undefined' && issue.path?.length) return 'is missing';
	return 'must be a mapping of fields';
};

const text = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'));
const textList = v.array(text, 'must be a list of text');

const attributionSchema = v.strictObject(
	{
		claimant: text,
		via: v.optional(text),
		verification: v.picklist(VERIFICATIONS, `must be one of ${VERIFICATIONS.join(', ')}`)
	},
	'must be { claimant, via?, verification } and nothing else'
);

/** One exclusion group, or a list of them for an item that gives several facts away. */
const exclusionGroupSchema = v.union(
	[
		v.pipe(text, v.regex(ID_PATTERN, 'must be lowercase kebab-case, like 20-tass')),
		v.pipe(
			v.array(
				v.pipe(text, v.regex(ID_PATTERN, 'must be lowercase kebab-case, like 20-tass')),
				'must be a group or a list of groups'
			),
			v.minLength(1, 'must name at least one group')
		)
	],
	'must be a group or a list of groups, like 20-tass or [20-tass, 20-macron]'
);

/** Give-aways an editor has judged harmless: the revealing item's id, and why. */
const allowRevealMessage = 'must map item ids to a note saying why the give-away is harmless';
const allowRevealSchema = v.pipe(
	v.custom<Record<string, unknown>>(
		(input) => typeof input === 'object' && input !== null && !Array.isArray(input),
		allowRevealMessage
	),
	v.record(
		v.pipe(v.string(), v.regex(ID_PATTERN, 'keys must be item ids')),
		text,
		allowRevealMessage
	)
);

const base = {
	id: v.pipe(
		v.string('must be text'),
		v.regex(ID_PATTERN, 'must be lowercase kebab-case, like p3-talks-city')
	),
	topic: text,
	difficulty: v.picklist([1, 2, 3], 'must be 1, 2 or 3'),
	paragraphs: v.pipe(
		v.array(v.string('must be paragraph ids like p8'), 'must be a list like [p8]'),
		v.minLength(1, 'must name at least one paragraph')
	),
	prompt: text,
	explanation: text,
	attribution: v.optional(attributionSchema),
	exclusionGroup: v.optional(exclusionGroupSchema),
	allowReveal: v.optional(allowRevealSchema),
	quizOnly: v.optional(v.boolean('must be true or false'))
};

/** One item, validated (exported for decoders of items from outside the bank: SCORM packages). */
export const itemSchema = v.variant(
	'kind',
	[
		v.strictObject(
			{ ...base, kind: v.literal('single'), options: textList, answer: text },
			fieldsMessage
		),
		v.strictObject(
			{
				...base,
				kind: v.literal('multi'),
				options: textList,
				answers: v.pipe(textList, v.minLength(1, 'must list at least one answer'))
			},
			fieldsMessage
		),
		v.strictObject(
			{
				...base,
				kind: v.literal('truefalse'),
				answer: v.boolean('must be true or false')
			},
			fieldsMessage
		),
		v.strictObject(
			{
				...base,
				kind: v.literal('typed'),
				answer: text,
				accept: v.optional(textList)
			},
			fieldsMessage
		),
		v.strictObject(
			{
				...base,
				kind: v.literal('numeric'),
				answer: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
				tolerance: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
				unit: text
			},
			fieldsMessage
		),
		v.strictObject({ ...base, kind: v.literal('ordering'), sequence: textList }, fieldsMessage),
		v.strictObject(
			{
				...base,
				kind: v.literal('matching'),
				pairs: v.array(
					v.strictObject({ left: text, right: text }, 'must be { left, right }'),
					'must be a list of { left, right }'
				)
			},
			fieldsMessage
		)
	],
	`kind must be one of ${ITEM_KINDS.join(', ')}`
);

/** One question as the app uses it, whatever its kind. */
export type Item = v.InferOutput<typeof itemSchema>;
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;
export type Attribution = v.InferOutput<typeof attributionSchema>;

/** An item's exclusion groups as a list, whether the bank gives one group, a list or none. */
export function exclusionGroupsOf(item: { exclusionGroup?: string | readonly string[] }): string[] {
	const group = item.exclusionGroup;
	if (group === undefined) return [];
	return typeof group === 'string' ? [group] : [...group];
}

/** Whether two items share an exclusion group (and so never share a quiz). */
export function shareGroup(
	a: { exclusionGroup?: string | readonly string[] },
	b: { exclusionGroup?: string | readonly string[] }
): boolean {
	const groups = exclusionGroupsOf(a);
	return exclusionGroupsOf(b).some((g) => groups.includes(g));
}

const metaSchema = v.strictObject(
	{
		version: v.pipe(
			v.number('must be a number'),
			v.integer('must be a whole number'),
			v.minValue(1)
		),
		article: v.strictObject({
			headline: text,
			paragraphs: v.pipe(v.number(), v.integer(), v.minValue(1))
		}),
		topics: v.pipe(
			v.array(v.strictObject({ id: v.pipe(text, v.regex(ID_PATTERN)), name: text })),
			v.minLength(1)
		),
		retired: v.array(v.pipe(v.string(), v.regex(ID_PATTERN)))
	},
	fieldsMessage
);

export type BankMeta = v.InferOutput<typeof metaSchema>;
export interface Topic {
	id: string;
	name: string;
}

/** The validated bank, as bundled into the app. */
export interface Bank {
	version: number;
	article: BankMeta['article'];
	topics: Topic[];
	retired: string[];
	items: Item[];
}

/** One fault found in the bank, located for the person who has to fix it. */
export interface BankError {
	file: string;
	/** The item's id, or `#N` (1-based position) when the item has no usable id. */
	id: string;
	field: string;
	message: string;
}

/** A parsed bank file: the caller has turned YAML into plain data already. */
export interface BankFileInput {
	file: string;
	data: unknown;
}

export function formatBankError(e: BankError): string {
	return `${e.file}: ${e.id}: ${e.field}: ${e.message}`;
}

function issuesToErrors(
	file: string,
	id: string,
	issues: readonly v.BaseIssue<unknown>[]
): BankError[] {
	return issues.map((issue) => ({
		file,
		id,
		field: v.getDotPath(issue) ?? '(item)',
		message: issue.message
	}));
}

/** Options must be distinct, and the item's answers must be among them. */
function checkChoices(options: string[], answers: string[]): Omit<BankError, 'file' | 'id'>[] {
	const faults: Omit<BankError, 'file' | 'id'>[] = [];
	const answerField = answers.length === 1 ? 'answer' : 'answers';
	const answerKeys = new Set(answers.map(compactKey));
	const seen = new Map<string, string>();
	for (const option of options) {
		const key = compactKey(option);
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			faults.push({ field: 'options', message: `"${option}" repeats "${earlier}"` });
		}
		seen.set(key, option);
	}
	for (const answer of answers) {
		if (!options.includes(answer)) {
			faults.push({ field: answerField, message: `"${answer}" is not among the options` });
		}
	}
	for (const option of options) {
		if (!answers.includes(option) && answerKeys.has(compactKey(option))) {
			faults.push({
				field: 'options',
				message: `distractor "${option}" equals an answer`
			});
		}
	}
	const distractors = options.filter((o) => !answerKeys.has(compactKey(o)));
	if (distractors.length < MIN_DISTRACTORS) {
		faults.push({
			field: 'options',
			message: `fewer than ${MIN_DISTRACTORS} distractors (has ${distractors.length})`
		});
	}
	return faults;
}

function checkDistinct(field: string, values: string[]): Omit<BankError, 'file' | 'id'>[] {
	const seen = new Set<string>();
	const faults: Omit<BankError, 'file' | 'id'>[] = [];
	for (const value of values) {
		const key = compactKey(value);
		if (seen.has(key)) faults.push({ field, message: `"${value}" repeats` });
		seen.add(key);
	}
	return faults;
}

/** The rules a schema cannot express: answers among options, counts, tolerance, references. */
function checkItem(item: Item, meta: BankMeta): Omit<BankError, 'file' | 'id'>[] {
	const faults: Omit<BankError, 'file' | 'id'>[] = [];
	if (!meta.topics.some((t) => t.id === item.topic)) {
		faults.push({
			field: 'topic',
			message: `unknown topic "${item.topic}" (topics: ${meta.topics.map((t) => t.id).join(', ')})`
		});
	}
	for (const p of item.paragraphs) {
		const m = PARAGRAPH_PATTERN.exec(p);
		if (!m || Number(m[1]) > meta.article.paragraphs) {
			faults.push({
				field: 'paragraphs',
				message: `unknown paragraph "${p}" (the article has p1 to p${meta.article.paragraphs})`
			});
		}
	}
	faults.push(...checkDistinct('paragraphs', item.paragraphs));
	faults.push(...checkDistinct('exclusionGroup', exclusionGroupsOf(item)));
	// "Claim by X" under a whole sequence or set of pairs would label the article's own facts
	// as X's claim too; such entries carry their attribution in their own words.
	if (item.attribution && (item.kind === 'ordering' || item.kind === 'matching')) {
		faults.push({
			field: 'attribution',
			message: `a${item.kind === 'ordering' ? 'n ordering' : ' matching'} item takes no attribution on the whole: say whose claim it is in the prompt or in each entry`
		});
	}
	if (item.allowReveal?.[item.id] !== undefined) {
		faults.push({ field: `allowReveal.${item.id}`, message: 'an item cannot give itself away' });
	}
	switch (item.kind) {
		case 'single':
			faults.push(...checkChoices(item.options, [item.answer]));
			break;
		case 'multi':
			faults.push(...checkDistinct('answers', item.answers));
			faults.push(...checkChoices(item.options, item.answers));
			break;
		case 'numeric':
			if (item.tolerance < 0) {
				faults.push({ field: 'tolerance', message: 'bad tolerance: must be 0 or more' });
			} else if (item.answer !== 0 && item.tolerance >= Math.abs(item.answer)) {
				faults.push({
					field: 'tolerance',
					message: `bad tolerance: ${item.tolerance} is not smaller than the answer ${item.answer}`
				});
			}
			break;
		case 'ordering':
			if (item.sequence.length < MIN_SEQUENCE || item.sequence.length > MAX_SEQUENCE) {
				faults.push({
					field: 'sequence',
					message: `must have ${MIN_SEQUENCE} to ${MAX_SEQUENCE} entries (has ${item.sequence.length})`
				});
			}
			faults.push(...checkDistinct('sequence', item.sequence));
			break;
		case 'matching':
			if (item.pairs.length < MIN_SEQUENCE || item.pairs.length > MAX_SEQUENCE) {
				faults.push({
					field: 'pairs',
					message: `must have ${MIN_SEQUENCE} to ${MAX_SEQUENCE} pairs (has ${item.pairs.length})`
				});
			}
			faults.push(
				...checkDistinct(
					'pairs.left',
					item.pairs.map((p) => p.left)
				)
			);
			faults.push(
				...checkDistinct(
					'pairs.right',
					item.pairs.map((p) => p.right)
				)
			);
			break;
		case 'typed': {
			const answerKey = compactKey(item.answer);
			for (const variant of item.accept ?? []) {
				if (compactKey(variant) === answerKey) {
					faults.push({
						field: 'accept',
						message: `"${variant}" only differs from the answer in case, accents or punctuation, which are ignored anyway`
					});
				}
			}
			faults.push(...checkDistinct('accept', item.accept ?? []));
			break;
		}
		case 'truefalse':
			break;
	}
	return faults;
}

/**
 * Validates the metadata file and every item file. Returns the bank only when there is no
 * error at all, so nothing partial is ever used.
 */
export function validateBank(
	metaFile: BankFileInput,
	itemFiles: BankFileInput[]
): { bank: Bank; errors: [] } | { bank: null; errors: BankError[] } {
	const errors: BankError[] = [];
	const metaResult = v.safeParse(metaSchema, metaFile.data);
	if (!metaResult.success) {
		return { bank: null, errors: issuesToErrors(metaFile.file, '(bank)', metaResult.issues) };
	}
	const meta = metaResult.output;
	const items: Item[] = [];
	const idFiles = new Map<string, string>();
	const prompts = new Map<string, string>();
	const retired = new Set(meta.retired);

	for (const { file, data } of itemFiles) {
		if (!Array.isArray(data)) {
			errors.push({ file, id: '(file)', field: '(file)', message: 'must be a list of items' });
			continue;
		}
		data.forEach((raw: unknown, index) => {
			const rawId = (raw as { id?: unknown } | null)?.id;
			const label = typeof rawId === 'string' && rawId ? rawId : `#${index + 1}`;
			const result = v.safeParse(itemSchema, raw);
			if (!result.success) {
				errors.push(...issuesToErrors(file, label, result.issues));
				return;
			}
			const item = result.output;
			const located = (f: Omit<BankError, 'file' | 'id'>) => ({ file, id: item.id, ...f });
			errors.push(...checkItem(item, meta).map(located));
			const otherFile = idFiles.get(item.id);
			if (otherFile !== undefined) {
				errors.push(located({ field: 'id', message: `duplicate id (also in ${otherFile})` }));
			}
			idFiles.set(item.id, file);
			if (retired.has(item.id)) {
				errors.push(located({ field: 'id', message: 'this id is retired: choose a new one' }));
			}
			const promptKey = compactKey(item.prompt);
			const samePrompt = prompts.get(promptKey);
			if (samePrompt !== undefined) {
				errors.push(located({ field: 'prompt', message: `same prompt as ${samePrompt}` }));
			}
			prompts.set(promptKey, item.id);
			items.push(item);
		});
	}
	if (errors.length > 0) return { bank: null, errors };
	return {
		bank: {
			version: meta.version,
			article: meta.article,
			topics: meta.topics,
			retired: meta.retired,
			items
		},
		errors: []
	};
}

/**
 * Ids are promises to assignment links: every id ever published stays in the bank or is
 * retired. Returns the ids that vanished and the ids not yet published.
 */
export function checkPublishedIds(
	bank: Pick<Bank, 'items' | 'retired'>,
	published: string[]
): { vanished: string[]; unpublished: string[] } {
	const live = new Set(bank.items.map((i) => i.id));
	const retired = new Set(bank.retired);
	const known = new Set(published);
	return {
		vanished: published.filter((id) => !live.has(id) && !retired.has(id)),
		unpublished: bank.items.map((i) => i.id).filter((id) => !known.has(id))
	};
}
