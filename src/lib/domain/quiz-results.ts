/**
 * What a finished (or unfinished) quiz attempt adds up to, and the learner history the smart
 * quiz draws on. Pure.
 */
import type { Item, Topic } from './bank.ts';
import { expectedAnswer } from './check-answer.ts';
import type { QuizHistory } from './quiz.ts';
import type { AnswerEvent, Attempt } from './records.ts';
import { readResponse } from './responses.ts';
import type { ItemStats } from './stats.ts';

/** One question of an attempt as the results screen lists it. */
export interface ResultRow {
	itemId: string;
	prompt: string;
	topic: string;
	given: string;
	/** The right answer as one line of text. */
	expected: string;
	correct: boolean;
	score: number;
	answered: boolean;
}

export interface AttemptSummary {
	/** Sum of the credit earned (matching gives part credit). */
	score: number;
	total: number;
	answered: number;
	correct: number;
	/** Rounded percentage of `score` over `total`. */
	percent: number;
	/** Time spent answering: the sum of the time taken per question. */
	ms: number;
	byTopic: { topic: string; name: string; score: number; total: number }[];
	rows: ResultRow[];
	/** Items answered wrong (or with part credit): "Retry the ones I missed". */
	missed: string[];
	/** The items that are also flashcards (not quiz-only): "Review these as flashcards". */
	reviewable: string[];
}

/** A person's response as one line of text, for results and reports. */
export function formatResponse(item: Item, response: unknown): string {
	switch (item.kind) {
		case 'single':
			return readResponse(item.kind, response)?.choice ?? 'No answer';
		case 'multi': {
			const choices = readResponse(item.kind, response)?.choices;
			return choices?.length ? choices.join('; ') : 'No answer';
		}
		case 'truefalse': {
			const value = readResponse(item.kind, response)?.value;
			return value === true ? 'True' : value === false ? 'False' : 'No answer';
		}
		case 'typed':
		case 'numeric':
			return readResponse(item.kind, response)?.text.trim() || 'No answer';
		case 'ordering': {
			const order = readResponse(item.kind, response)?.order;
			return order ? order.join(' → ') : 'No answer';
		}
		case 'matching': {
			const pairs = readResponse(item.kind, response)?.pairs;
			if (!pairs) return 'No answer';
			return item.pairs.map((p) => `${p.left} → ${pairs[p.left] ?? '?'}`).join('; ');
		}
	}
}

/** Adds up an attempt against the bank; items no longer in the bank are left out. */
export function summarizeAttempt(
	attempt: { questions: readonly { itemId: string }[]; answers: Attempt['answers'] },
	items: ReadonlyMap<string, Item>,
	topics: readonly Topic[]
): AttemptSummary {
	const answers = new Map(attempt.answers.map((a) => [a.itemId, a]));
	const rows: ResultRow[] = [];
	for (const question of attempt.questions) {
		const item = items.get(question.itemId);
		if (!item) continue;
		const answer = answers.get(item.id);
		rows.push({
			itemId: item.id,
			prompt: item.prompt,
			topic: item.topic,
			given: formatResponse(item, answer?.response),
			expected: expectedAnswer(item),
			correct: answer?.correct ?? false,
			score: answer?.score ?? 0,
			answered: answer !== undefined
		});
	}
	const score = rows.reduce((s, r) => s + r.score, 0);
	const byTopic = topics
		.map((t) => {
			const mine = rows.filter((r) => r.topic === t.id);
			return {
				topic: t.id,
				name: t.name,
				score: mine.reduce((s, r) => s + r.score, 0),
				total: mine.length
			};
		})
		.filter((t) => t.total > 0);
	return {
		score,
		total: rows.length,
		answered: rows.filter((r) => r.answered).length,
		correct: rows.filter((r) => r.correct).length,
		percent: rows.length ? Math.round((score / rows.length) * 100) : 0,
		ms: attempt.answers.reduce((s, a) => s + a.ms, 0),
		byTopic,
		rows,
		missed: rows.filter((r) => !r.correct).map((r) => r.itemId),
		reviewable: rows.filter((r) => !items.get(r.itemId)?.quizOnly).map((r) => r.itemId)
	};
}

/** Per-item counts for the smart quiz, from a learner's answers (O(events): prefer historyFromStats). */
export function historyFromEvents(
	events: readonly Pick<AnswerEvent, 'itemId' | 'at' | 'correct'>[]
): QuizHistory {
	const history: QuizHistory = {};
	for (const e of events) {
		const h = (history[e.itemId] ??= { seen: 0, correct: 0, lastAt: 0 });
		h.seen++;
		if (e.correct) h.correct++;
		if (e.at > h.lastAt) h.lastAt = e.at;
	}
	return history;
}

/** Per-item counts for the smart quiz, from a learner's stored aggregates (stats.ts). */
export function historyFromStats(
	stats: readonly Pick<ItemStats, 'itemId' | 'answers' | 'correct' | 'lastAt'>[]
): QuizHistory {
	const history: QuizHistory = {};
	for (const s of stats) {
		history[s.itemId] = { seen: s.answers, correct: s.correct, lastAt: s.lastAt };
	}
	return history;
}
