/**
 * `npm run bank:report`: counts by paragraph, topic, kind and difficulty, and every minimum
 * the bank misses. Exit code 1 when the bank is invalid or a minimum is missed.
 */
import { formatBankError } from '../src/lib/domain/bank.ts';
import { ITEM_KINDS } from '../src/lib/domain/bank.ts';
import {
	bankShortfalls,
	bankStats,
	BANK_MINIMUMS,
	editorialStats
} from '../src/lib/domain/bank-stats.ts';
import { loadBank } from './bank-load.ts';

const { bank, errors } = loadBank();
if (!bank) {
	for (const e of errors) console.error(formatBankError(e));
	console.error('\nbank:report: the bank does not validate; run npm run bank:check.');
	process.exit(1);
}

const stats = bankStats(bank);
const flag = (count: number, min: number) => (count < min ? `  << below ${min}` : '');
const row = (label: string, count: number, note = '') =>
	console.log(`  ${label.padEnd(44)} ${String(count).padStart(4)}${note}`);

console.log(
	`Question bank version ${bank.version}: ${stats.items} items${flag(stats.items, BANK_MINIMUMS.items)}\n`
);
console.log('By paragraph (items citing it)');
for (const p of stats.byParagraph)
	row(p.paragraph, p.count, flag(p.count, BANK_MINIMUMS.itemsPerParagraph));
console.log('\nBy topic');
for (const t of stats.byTopic) row(`${t.name} (${t.topic})`, t.count);
console.log('\nBy kind');
for (const k of stats.byKind) row(k.kind, k.count, flag(k.count, BANK_MINIMUMS.kinds[k.kind]));
console.log('\nBy difficulty');
for (const d of stats.byDifficulty) row(String(d.difficulty), d.count);
console.log('');
row('quiz-only (no flashcard)', stats.quizOnly);
row('attributed claims', stats.attributed);

const editorial = editorialStats(bank);
console.log('\nBy attribution (what the article says of the claim)');
for (const a of editorial.byAttribution)
	row(a.status === 'none' ? 'no attribution' : a.status, a.count);

console.log("\nGive-aways (an item showing another item's answer)");
row('found, ignoring groups and notes', editorial.giveAways.found);
row('fenced off by a shared exclusion group', editorial.giveAways.fenced);
row('excused by an allowReveal note', editorial.giveAways.excused);
row('open (bank:check rejects these)', editorial.giveAways.open);

console.log('\nKinds per topic');
const abbreviation = (kind: string) => kind.slice(0, 5);
console.log(`  ${''.padEnd(12)}${ITEM_KINDS.map((k) => abbreviation(k).padStart(7)).join('')}`);
for (const t of editorial.kindsByTopic) {
	console.log(`  ${t.topic.padEnd(12)}${t.kinds.map((k) => String(k.count).padStart(7)).join('')}`);
}

const short = bankShortfalls(stats);
if (short.length) {
	console.log(`\n${short.length} minimum(s) not met:`);
	for (const s of short) console.log(`  - ${s}`);
	process.exit(1);
}
console.log('\nEvery minimum is met.');
