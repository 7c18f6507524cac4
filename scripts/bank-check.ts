/**
 * `npm run bank:check`: validates every file of the question bank and prints every fault
 * with file, item id and field. Exit code 1 on any fault.
 * `npm run bank:check -- --publish` also appends new ids to questions/published-ids.txt;
 * `--dir DIR` checks another folder.
 */
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatBankError } from '../src/lib/domain/bank.ts';
import { NEAR_WORDS_FOR } from '../src/lib/domain/near-words.ts';
import { loadBank, PUBLISHED_FILE, QUESTIONS_DIR } from './bank-load.ts';
import { answerWordsHash } from './bank-near-words.ts';

const args = process.argv.slice(2);
const publish = args.includes('--publish');
// --dir lets tests point the check at a fixture bank.
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? resolve(args[dirAt + 1]) : QUESTIONS_DIR;
const { bank, errors, unpublished } = loadBank(dir);

for (const e of errors) console.error(formatBankError(e));

if (bank && unpublished.length) {
	if (publish) {
		appendFileSync(join(dir, PUBLISHED_FILE), unpublished.map((id) => `${id}\n`).join(''));
		console.log(`Published ${unpublished.length} new id(s) to questions/${PUBLISHED_FILE}.`);
	} else {
		for (const id of unpublished) {
			console.error(
				`questions/${PUBLISHED_FILE}: ${id}: id: new id not yet published (run npm run bank:check -- --publish)`
			);
		}
	}
}

// The typo guard's word list is made from the real bank's answers; a fixture bank has its own.
if (bank && dir === QUESTIONS_DIR && answerWordsHash(bank.items) !== NEAR_WORDS_FOR) {
	errors.push({
		file: 'src/lib/domain/near-words.ts',
		id: '(bank)',
		field: 'accept',
		message: 'the typed answers changed since the file was made: run npm run bank:near-words'
	});
	console.error(formatBankError(errors[errors.length - 1]));
}

const failed = errors.length > 0 || (!publish && unpublished.length > 0);
if (failed) {
	const count = errors.length + (publish ? 0 : unpublished.length);
	console.error(`\nbank:check: ${count} error(s); the bank cannot ship until they are fixed.`);
	process.exit(1);
}
console.log(
	`bank:check: ${bank!.items.length} items in ${bank!.topics.length} topics, bank version ${bank!.version}: OK`
);
