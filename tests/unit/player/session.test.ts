import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as scorm12 from 'scorm-again/scorm12';
import type { Item } from '../../../src/lib/domain/bank.ts';
import { checkAnswer, type AnswerResponse } from '../../../src/lib/domain/check-answer.ts';
import { packageData } from '../../../src/lib/domain/scorm-package.ts';
import { Lms, type Scorm12Api } from '../../../src/player/scorm-api.ts';
import { PlayerSession } from '../../../src/player/session.svelte.ts';

// scorm-again 3.4's ES module exports the class by name; its type declarations say default.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof scorm12.default };

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));

const data = (mode: 'practice' | 'test', tries: number, mastery: number | null) =>
	packageData(
		{
			id: '0123456789abcdef',
			revision: 1,
			title: 'Week 3',
			instructions: '',
			itemIds: items.map((i) => i.id),
			mode,
			shuffle: true,
			dueDate: null,
			showAnswers: false,
			tries
		},
		items,
		{ masteryScore: mastery, teacherName: '' },
		[]
	);

/** A right response to each kind (from the item itself). */
function rightResponse(item: Item): AnswerResponse {
	switch (item.kind) {
		case 'single':
			return { choice: item.answer };
		case 'multi':
			return { choices: item.answers };
		case 'truefalse':
			return { value: item.answer };
		case 'typed':
			return { text: item.answer };
		case 'numeric':
			return { text: String(item.answer) };
		case 'ordering':
			return { order: item.sequence };
		case 'matching':
			return { pairs: Object.fromEntries(item.pairs.map((p) => [p.left, p.right])) };
	}
}

/** A clock that moves 2.5 s each time it is read. */
function clock() {
	let t = Date.UTC(2026, 10, 30, 9, 0, 0);
	return () => (t += 2500);
}

function lms() {
	const api = new Scorm12API({ autocommit: false, logLevel: 5 });
	api.loadFromJSON({ core: { student_id: 'S-1' } }, 'cmi');
	return { api, connection: new Lms(api as unknown as Scorm12Api) };
}

/** Answers every question, right except the first `wrong` ones (answered with null). */
function answerAll(session: PlayerSession, wrong: number) {
	let i = 0;
	while (session.item) {
		session.showQuestion();
		session.response = i++ < wrong ? { text: '' } : rightResponse(session.item);
		expect(session.submit()).not.toBeNull();
	}
	session.finish();
}

describe('PlayerSession with scorm-again', () => {
	it('writes incomplete at the start, then score, status and one interaction per answer', () => {
		const { api, connection } = lms();
		const session = new PlayerSession(data('test', 2, 80), connection, clock());
		expect(session.recording).toBe(true);
		expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
		answerAll(session, 2);
		const n = items.length;
		const percent = Math.round(((n - 2) / n) * 100);
		expect(api.LMSGetValue('cmi.core.score.raw')).toBe(String(percent));
		expect(api.LMSGetValue('cmi.core.lesson_status')).toBe(percent >= 80 ? 'passed' : 'failed');
		expect(api.LMSGetValue('cmi.interactions._count')).toBe(String(n));
		const json = api.renderCMIToJSONObject().cmi as {
			interactions: Record<string, { id: string; result: string; latency: string }>;
		};
		const written = Object.values(json.interactions);
		expect(written.map((x) => x.id)).toEqual(session.items.map((i) => i.id));
		expect(written.map((x) => x.result)).toEqual(
			session.items.map((item, i) =>
				i < 2 ? 'wrong' : checkAnswer(item, rightResponse(item)).correct ? 'correct' : 'wrong'
			)
		);
		// Each question was on screen for one tick of the clock.
		// (scorm-again stores 00:00:02.50 as 00:00:02.5.)
		expect(written.map((x) => x.latency)).toEqual(written.map(() => '00:00:02.5'));
		expect(session.lmsProblem).toBe('');
	});

	it('a retry keeps the finished status until it ends, then replaces the score', () => {
		const { api, connection } = lms();
		const session = new PlayerSession(data('test', 2, null), connection, clock());
		answerAll(session, 0);
		expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('completed');
		expect(session.triesLeft).toBe(1);
		session.retry();
		expect(session.finished).toBe(false);
		expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('completed');
		answerAll(session, items.length);
		expect(api.LMSGetValue('cmi.core.score.raw')).toBe('0');
		expect(session.triesLeft).toBe(0);
		session.retry();
		expect(session.finished).toBe(true);
		expect(api.LMSGetValue('cmi.interactions._count')).toBe(String(2 * items.length));
	});

	it('leaving mid-try suspends; a new session resumes at the same question', () => {
		const { api, connection } = lms();
		const first = new PlayerSession(data('practice', 0, 50), connection, clock());
		const order = first.items.map((i) => i.id);
		for (let i = 0; i < 3; i++) {
			first.showQuestion();
			first.response = rightResponse(first.item!);
			first.submit();
		}
		first.leave();
		const kept = api.renderCMIToJSONObject().cmi as { core: Record<string, string> };
		expect(kept.core.exit).toBe('suspend');
		kept.core = { ...kept.core, entry: 'resume', exit: '', session_time: '' };
		const again = new Scorm12API({ autocommit: false, logLevel: 5 });
		again.loadFromJSON(kept, 'cmi');
		const second = new PlayerSession(
			data('practice', 0, 50),
			new Lms(again as unknown as Scorm12Api),
			clock()
		);
		expect(second.resumed).toBe(true);
		expect(second.index).toBe(3);
		expect(second.items.map((i) => i.id)).toEqual(order);
		expect(second.score).toBe(3);
	});

	it('without an LMS it records nothing and still scores', () => {
		const session = new PlayerSession(data('test', 1, 80), null, clock());
		expect(session.recording).toBe(false);
		expect(session.lmsFound).toBe(false);
		answerAll(session, 0);
		expect(session.percent).toBe(100);
		expect(session.status).toBe('passed');
	});
});
