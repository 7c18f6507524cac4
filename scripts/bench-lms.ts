/**
 * Sizes of the LMS exports of a set of 10, 20 and 50 bank questions: the SCORM 1.2 package
 * (with the real player build and the bank's vocabulary, as the app makes it), the QTI 2.1
 * package and the Moodle XML file, and how long the SCORM package takes to make (files and
 * zip, the player already built). `npx tsx scripts/bench-lms.ts` prints the figures;
 * `benchLmsPackages()` returns them as rows for scripts/bench.ts. The target: a
 * 20-question SCORM package is at most 150 KB.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Item } from '../src/lib/domain/bank.ts';
import { bankVocabulary } from '../src/lib/domain/check-answer.ts';
import { toMoodleXml } from '../src/lib/domain/export-moodle.ts';
import { qtiPackageFiles } from '../src/lib/domain/export-qti.ts';
import { zipPackage } from '../src/lib/domain/lms-zip.ts';
import { packageData, scormPackageFiles } from '../src/lib/domain/scorm-package.ts';
import { loadBank } from './bank-load.ts';
import { buildPlayer } from './build-player.ts';

const SIZES = [10, 20, 50] as const;
const TARGET_KB = 150;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

interface Row {
	figure: string;
	measured: string;
	target?: string;
	met?: boolean;
}

/** `n` items spread evenly over the bank (every kind and topic comes up). */
function spread(items: readonly Item[], n: number): Item[] {
	return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

export async function benchLmsPackages(): Promise<Row[]> {
	const { bank } = loadBank();
	if (!bank) throw new Error('The bank does not load: run npm run bank:check');
	const player = await buildPlayer();
	const vocabulary = bankVocabulary(bank.items);
	const rows: Row[] = [
		{
			figure: 'SCORM player (player.js + player.css), raw',
			measured: `${kb(player.js.length + player.css.length)} KB`
		}
	];
	for (const n of SIZES) {
		const items = spread(bank.items, n);
		const set = {
			id: '0123456789abcdef',
			revision: 1,
			title: `Bench set of ${n}`,
			instructions: 'Answer every question.',
			itemIds: items.map((i) => i.id),
			mode: 'test' as const,
			shuffle: true,
			dueDate: null,
			showAnswers: true,
			tries: 2
		};
		const started = performance.now();
		const data = packageData(set, items, { masteryScore: 80, teacherName: 'Ms Bench' }, vocabulary);
		const scorm = zipPackage(scormPackageFiles(data, player));
		const makeMs = performance.now() - started;
		rows.push({
			figure: `SCORM 1.2 package, ${n} questions (zip)`,
			measured: `${kb(scorm.length)} KB, made in ${Math.round(makeMs)} ms`,
			...(n === 20 ? { target: `<= ${TARGET_KB} KB`, met: scorm.length <= TARGET_KB * 1024 } : {})
		});
		rows.push({
			figure: `QTI 2.1 package, ${n} questions (zip)`,
			measured: `${kb(zipPackage(qtiPackageFiles(items, set)).length)} KB`
		});
		rows.push({
			figure: `Moodle XML, ${n} questions`,
			measured: `${kb(new TextEncoder().encode(toMoodleXml(items, set.title)).length)} KB`
		});
	}
	return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rows = await benchLmsPackages();
	const width = Math.max(...rows.map((r) => r.figure.length));
	console.log(`\nFactdeck LMS exports, ${new Date().toISOString()}, Node ${process.version}\n`);
	for (const r of rows) {
		const verdict = r.met === undefined ? '' : r.met ? '  met' : '  MISSED';
		console.log(`${r.figure.padEnd(width)}  ${r.measured.padEnd(30)} ${r.target ?? ''}${verdict}`);
	}
}
