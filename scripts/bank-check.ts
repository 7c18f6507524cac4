/**
 * `npm run bank:check`: validates every file of the question bank and prints every fault
 * with file, item id and field. Exit code 1 on any fault.
 * `npm run bank:check -- --publish` also appends new ids to questions/published-ids.txt.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBankError } from '../src/lib/domain/bank.ts';
import { loadBank, PUBLISHED_FILE, QUESTIONS_DIR } from './bank-load.ts';

const publish = process.argv.includes('--publish');
const { bank, errors, unpublished } = loadBank();

for (const e of errors) console.error(formatBankError(e));

if (bank && unpublished.length) {
	if (publish) {
		appendFileSync(
			join(QUESTIONS_DIR, PUBLISHED_FILE),
			unpublished.map((id) => `${id}\n`).join('')
		);
		console.log(`Published ${unpublished.length} new id(s) to questions/${PUBLISHED_FILE}.`);
	} else {
		for (const id of unpublished) {
			console.error(
				`questions/${PUBLISHED_FILE}: ${id}: id: new id not yet published (run npm run bank:check -- --publish)`
			);
		}
	}
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
