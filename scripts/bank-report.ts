/**
 * `npm run bank:report`: counts by paragraph, topic, kind and difficulty, and every minimum
 * the bank misses. Exit code 1 when the bank is invalid or a minimum is missed.
 */
import { formatBankError } from '../src/lib/domain/bank.ts';
import { bankShortfalls, bankStats, BANK_MINIMUMS } from '../src/lib/domain/bank-stats.ts';
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

const short = bankShortfalls(stats);
if (short.length) {
	console.log(`\n${short.length} minimum(s) not met:`);
	for (const s of short) console.log(`  - ${s}`);
	process.exit(1);
}
console.log('\nEvery minimum is met.');
