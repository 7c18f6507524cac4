import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBank, readPublishedIds } from '../../../scripts/bank-load.ts';
import { bankPlugin } from '../../../scripts/vite-plugin-bank.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'tests', 'fixtures');

function tempCopy(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-bank-'));
	cpSync(join(fixtures, name), dir, { recursive: true });
	return dir;
}

function runCheck(dir: string): { code: number; output: string } {
	try {
		const out = execFileSync('npx', ['tsx', 'scripts/bank-check.ts', '--dir', dir], {
			cwd: root,
			encoding: 'utf8',
			stdio: 'pipe'
		});
		return { code: 0, output: out };
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, output: err.stdout + err.stderr };
	}
}

describe('loadBank', () => {
	it('loads a valid folder', () => {
		const { bank, errors, unpublished } = loadBank(join(fixtures, 'bank-valid'));
		expect(errors).toEqual([]);
		expect(unpublished).toEqual([]);
		expect(bank?.items).toHaveLength(7);
	});

	it('names the file, id and field of a fault', () => {
		const { bank, errors } = loadBank(join(fixtures, 'bank-broken'));
		expect(bank).toBeNull();
		expect(errors).toEqual([
			expect.objectContaining({
				file: expect.stringMatching(/bank-broken\/items\.yaml$/),
				id: 'p3-talks-city',
				field: 'options',
				message: 'fewer than 3 distractors (has 2)'
			})
		]);
	});

	it('reports a YAML syntax error with its line', () => {
		const dir = tempCopy('bank-valid');
		writeFileSync(join(dir, 'items.yaml'), '- id: a\n  prompt: [unclosed\n');
		const { bank, errors } = loadBank(dir);
		expect(bank).toBeNull();
		expect(errors[0].file).toMatch(/items\.yaml:\d+$/);
		expect(errors[0].field).toBe('(yaml)');
	});

	it('reports a give-away at the item whose answer is shown, and an allowReveal note clears it', () => {
		const dir = tempCopy('bank-valid');
		const revealing = `- id: p3-talks-order
  kind: ordering
  topic: places
  difficulty: 2
  paragraphs: [p3]
  prompt: Put the steps of the talks in order.
  sequence: [The sides arrive, The talks are held in the city of Yevlakh, The talks end]
  explanation: Paragraph 3 says so.
`;
		writeFileSync(join(dir, 'more.yaml'), revealing);
		writeFileSync(join(dir, 'published-ids.txt'), 'p3-talks-order\n', { flag: 'a' });
		const { bank, errors } = loadBank(dir);
		expect(bank).toBeNull();
		expect(errors).toContainEqual(
			expect.objectContaining({
				id: 'p3-talks-city',
				field: 'exclusionGroup',
				message: expect.stringContaining('give-away: p3-talks-order shows the answer "Yevlakh"')
			})
		);
		writeFileSync(
			join(dir, 'items.yaml'),
			readFileSync(join(dir, 'items.yaml'), 'utf8').replace(
				'  exclusionGroup: talks-city\n',
				'  exclusionGroup: talks-city\n  allowReveal: { p3-talks-order: A test says it is harmless. }\n'
			)
		);
		// The note excuses that one give-away; the typed item with the same answer still has it.
		expect(loadBank(dir).errors.map((e) => e.id)).toEqual(['p3-talks-city-typed']);
	});

	it('fails when a published id disappears without being retired', () => {
		const dir = tempCopy('bank-valid');
		writeFileSync(join(dir, 'published-ids.txt'), 'p3-talks-city\np9-vanished\n', { flag: 'a' });
		const { bank, errors } = loadBank(dir);
		expect(bank).toBeNull();
		expect(errors).toContainEqual(
			expect.objectContaining({ id: 'p9-vanished', message: expect.stringContaining('retired') })
		);
	});
});

// Each test starts `tsx scripts/bank-check.ts` two or three times; one start was measured at
// 1.7 s on an idle 2-core machine, and a whole test at 21 s with the machine at a load average
// of 14, so these get a limit of their own.
describe('bank:check', { timeout: 60_000 }, () => {
	it('exits 0 on a valid bank and 1 with located errors on a broken one', () => {
		const ok = runCheck(join(fixtures, 'bank-valid'));
		expect(ok.code).toBe(0);
		expect(ok.output).toContain('7 items');
		const broken = runCheck(join(fixtures, 'bank-broken'));
		expect(broken.code).toBe(1);
		expect(broken.output).toMatch(/items\.yaml: p3-talks-city: options: fewer than 3 distractors/);
	});

	it('lists unpublished ids, and --publish records them', () => {
		const dir = tempCopy('bank-valid');
		writeFileSync(join(dir, 'published-ids.txt'), 'p3-talks-city\np1-old-item\n');
		const before = runCheck(dir);
		expect(before.code).toBe(1);
		expect(before.output).toContain('p10-wars: id: new id not yet published');
		execFileSync('npx', ['tsx', 'scripts/bank-check.ts', '--dir', dir, '--publish'], { cwd: root });
		expect(runCheck(dir).code).toBe(0);
	});
});

describe('the build', () => {
	function load(dir: string, id = 'virtual:factdeck-bank') {
		const plugin = bankPlugin(dir);
		const resolved = (plugin.resolveId as (id: string) => string)(id);
		return (plugin.load as (this: unknown, id: string) => string).call(
			{ addWatchFile() {} },
			resolved
		);
	}

	it('bundles a valid bank as JSON', () => {
		const code = load(join(fixtures, 'bank-valid'));
		const bank = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
		expect(bank.items).toHaveLength(7);
		// Links name items by position in the published list, so it ships in publication order.
		expect(bank.published).toEqual(readPublishedIds(join(fixtures, 'bank-valid')));
		expect(bank.published).toHaveLength(8); // 7 items and 1 retired id;
	});

	it('bundles the filter fields alone for the quiz setup page, with no question text', () => {
		const code = load(join(fixtures, 'bank-valid'), 'virtual:factdeck-bank-filters');
		const filters = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
		expect(filters.items).toHaveLength(7);
		for (const item of filters.items) {
			expect(Object.keys(item).sort()).toEqual(
				expect.arrayContaining(['difficulty', 'id', 'kind', 'topic'])
			);
			expect(
				Object.keys(item).every((k) =>
					['id', 'topic', 'difficulty', 'kind', 'exclusionGroup'].includes(k)
				)
			).toBe(true);
		}
		expect(filters.topics.length).toBeGreaterThan(0);
	});

	it('fails on a broken bank, naming file, id and field', () => {
		const quiet = console.error;
		console.error = () => {};
		try {
			expect(() => load(join(fixtures, 'bank-broken'))).toThrow(
				/items\.yaml: p3-talks-city: options: fewer than 3 distractors/
			);
		} finally {
			console.error = quiet;
		}
	});
});
