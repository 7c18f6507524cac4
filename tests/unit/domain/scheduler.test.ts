import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rating, State, createEmptyCard, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import {
	GRADES,
	type CardMemory,
	type CardState,
	type Grade
} from '../../../src/lib/domain/records.ts';
import {
	createScheduler,
	formatInterval,
	fromFsrsCard,
	toFsrsCard
} from '../../../src/lib/domain/scheduler.ts';
import { DEFAULT_NEW_PER_DAY } from '../../../src/lib/domain/calendar.ts';
import { shortInterval } from '../../../src/lib/domain/wording.ts';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NOW = at('2026-03-02T09:00:00Z');
const RATING: Record<Grade, FsrsGrade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

const scheduler = createScheduler({ fuzz: false });
const direct = fsrs({ enable_fuzz: false });

/** A card in review state: graded good as new, good again after its steps, then 3 days on. */
function reviewMemory(): CardMemory {
	let m = scheduler.newMemory(NOW);
	let t = NOW;
	while (m.state !== 'review') {
		t = Math.max(m.due, t + MINUTE);
		m = scheduler.grade(m, 'good', t);
	}
	return m;
}

describe('toFsrsCard and fromFsrsCard', () => {
	it('maps names, dates and states both ways', () => {
		const memory: CardMemory = {
			due: at('2026-03-05T10:00:00Z'),
			stability: 3.17,
			difficulty: 5.2,
			elapsedDays: 2,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 4,
			lapses: 1,
			state: 'relearning',
			lastReview: at('2026-03-02T10:00:00Z')
		};
		const card = toFsrsCard(memory);
		expect(card).toEqual({
			due: new Date('2026-03-05T10:00:00Z'),
			stability: 3.17,
			difficulty: 5.2,
			elapsed_days: 2,
			scheduled_days: 3,
			learning_steps: 0,
			reps: 4,
			lapses: 1,
			state: State.Relearning,
			last_review: new Date('2026-03-02T10:00:00Z')
		});
		expect(fromFsrsCard(card)).toStrictEqual(memory);
	});

	it('round-trips any memory exactly (memory -> Card -> memory)', () => {
		const states: CardState[] = ['new', 'learning', 'review', 'relearning'];
		const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
		const num = fc.double({ noNaN: true, noDefaultInfinity: true });
		const memory = fc.record(
			{
				due: time,
				stability: num,
				difficulty: num,
				elapsedDays: num,
				scheduledDays: num,
				learningSteps: fc.nat(),
				reps: fc.nat(),
				lapses: fc.nat(),
				state: fc.constantFrom(...states),
				lastReview: time
			},
			{
				requiredKeys: [
					'due',
					'stability',
					'difficulty',
					'elapsedDays',
					'scheduledDays',
					'learningSteps',
					'reps',
					'lapses',
					'state'
				]
			}
		);
		fc.assert(
			fc.property(memory, (generated: CardMemory) => {
				// fast-check builds objects without a prototype; the app's are plain objects.
				const m = { ...generated };
				expect(fromFsrsCard(toFsrsCard(m))).toStrictEqual(m);
			})
		);
	});

	it('leaves lastReview out when the card has none, and reads the four states', () => {
		const empty = createEmptyCard(new Date(NOW));
		const m = fromFsrsCard(empty);
		expect('lastReview' in m).toBe(false);
		expect(m).toMatchObject({ due: NOW, state: 'new', reps: 0 });
		const states = [State.New, State.Learning, State.Review, State.Relearning];
		expect(states.map((s) => fromFsrsCard({ ...empty, state: s }).state)).toEqual([
			'new',
			'learning',
			'review',
			'relearning'
		]);
		expect(() => fromFsrsCard({ ...empty, state: 7 as State })).toThrow(RangeError);
	});
});

describe('createScheduler (fuzz off) gives exactly what ts-fsrs gives', () => {
	function expectSameAsTsFsrs(memory: CardMemory, card: Card, now: number) {
		const preview = scheduler.preview(memory, now);
		const expected = direct.repeat(card, new Date(now));
		for (const grade of GRADES) {
			const want = expected[RATING[grade]].card;
			expect(preview[grade].memory).toStrictEqual(fromFsrsCard(want));
			expect(preview[grade].due).toBe(want.due.getTime());
			expect(preview[grade].memory.scheduledDays).toBe(want.scheduled_days);
			expect(scheduler.grade(memory, grade, now)).toStrictEqual(
				fromFsrsCard(direct.next(card, new Date(now), RATING[grade]).card)
			);
		}
		return preview;
	}

	it('for a new card, every grade', () => {
		const memory = scheduler.newMemory(NOW);
		expect(memory).toStrictEqual(fromFsrsCard(createEmptyCard(new Date(NOW))));
		const preview = expectSameAsTsFsrs(memory, createEmptyCard(new Date(NOW)), NOW);
		// ts-fsrs's default steps: again 1m, hard 6m, good 10m; easy graduates.
		expect(GRADES.map((g) => shortInterval(preview[g].interval))).toEqual([
			'1m',
			'6m',
			'10m',
			'8d'
		]);
	});

	it('for a review card, every grade, on time and late', () => {
		const memory = reviewMemory();
		expect(memory.state).toBe('review');
		for (const now of [memory.due, memory.due + 5 * DAY, memory.due - DAY]) {
			const preview = expectSameAsTsFsrs(memory, toFsrsCard(memory), now);
			expect(preview.again.memory.state).toBe('relearning');
			expect(preview.good.memory.state).toBe('review');
			expect(preview.again.due).toBeLessThan(preview.hard.due);
			expect(preview.hard.due).toBeLessThanOrEqual(preview.good.due);
			expect(preview.good.due).toBeLessThan(preview.easy.due);
		}
	});

	it('passes requestRetention to ts-fsrs', () => {
		const strict = createScheduler({ fuzz: false, requestRetention: 0.97 });
		const memory = reviewMemory();
		const now = memory.due;
		const want = fsrs({ enable_fuzz: false, request_retention: 0.97 }).next(
			toFsrsCard(memory),
			new Date(now),
			Rating.Good
		).card;
		expect(strict.grade(memory, 'good', now)).toStrictEqual(fromFsrsCard(want));
		expect(strict.grade(memory, 'good', now).due).toBeLessThan(
			scheduler.grade(memory, 'good', now).due
		);
		expect(() => createScheduler({ requestRetention: 1.5 })).toThrow();
	});

	it('refuses a clock that is not a number of milliseconds', () => {
		expect(() => scheduler.newMemory(NaN)).toThrow(RangeError);
		expect(() => scheduler.grade(scheduler.newMemory(NOW), 'good', Infinity)).toThrow(RangeError);
		expect(() => scheduler.grade(scheduler.newMemory(NOW), 'meh' as Grade, NOW)).toThrow(
			RangeError
		);
	});
});

describe('fuzz', () => {
	it('is on by default, as in the app, and matches ts-fsrs with enable_fuzz', () => {
		const app = createScheduler();
		expect(app.fuzz).toBe(true);
		expect(scheduler.fuzz).toBe(false);
		const memory = reviewMemory();
		const fuzzed = fsrs({ enable_fuzz: true });
		for (const grade of GRADES) {
			const now = memory.due + 2 * DAY;
			const want = fuzzed.next(toFsrsCard(memory), new Date(now), RATING[grade]).card;
			expect(app.grade(memory, grade, now)).toStrictEqual(fromFsrsCard(want));
			// Deterministic: preview and grade at the same instant agree.
			expect(app.preview(memory, now)[grade].memory).toStrictEqual(app.grade(memory, grade, now));
		}
		// And it does move this card's 'good' interval away from FSRS's exact one.
		const now = memory.due + 2 * DAY;
		expect(app.grade(memory, 'good', now).scheduledDays).not.toBe(
			scheduler.grade(memory, 'good', now).scheduledDays
		);
	});
});

describe('undo', () => {
	it('grade() and preview() never change the memory they are given', () => {
		let memory = scheduler.newMemory(NOW);
		let now = NOW;
		for (const grade of ['good', 'again', 'good', 'good', 'hard', 'easy', 'again'] as Grade[]) {
			const before = structuredClone(memory);
			const next = scheduler.grade(memory, grade, now);
			scheduler.preview(memory, now);
			expect(memory).toStrictEqual(before);
			// Restoring the kept memory and grading again gives the same result.
			expect(scheduler.grade(before, grade, now)).toStrictEqual(next);
			memory = next;
			now = Math.max(now + MINUTE, memory.due);
		}
		expect(memory.reps).toBe(7);
	});
});

describe('formatInterval', () => {
	it.each([
		[-5 * MINUTE, '<1m'],
		[0, '<1m'],
		[59_999, '<1m'],
		[MINUTE, '1m'],
		[10 * MINUTE, '10m'],
		[59 * MINUTE, '59m'],
		[59.6 * MINUTE, '1h'],
		[HOUR, '1h'],
		[5 * HOUR + 10 * MINUTE, '5h'],
		[23 * HOUR, '23h'],
		[23.6 * HOUR, '1d'],
		[DAY, '1d'],
		[3 * DAY, '3d'],
		[14 * DAY, '14d'],
		[29 * DAY, '29d'],
		[29.6 * DAY, '1mo'],
		[45 * DAY, '1.5mo'],
		[300 * DAY, '10mo'],
		[357 * DAY, '11.9mo'],
		[359 * DAY, '1y'],
		[365 * DAY, '1y'],
		[2.5 * 365 * DAY, '2.5y'],
		[36_500 * DAY, '100y']
	])('%d ms is %s', (ms, label) => {
		expect(shortInterval(formatInterval(ms))).toBe(label);
	});

	it('refuses NaN and infinities', () => {
		expect(() => formatInterval(NaN)).toThrow(RangeError);
		expect(() => formatInterval(Infinity)).toThrow(RangeError);
	});

	it('labels previews from due - now', () => {
		const memory = reviewMemory();
		const preview = scheduler.preview(memory, memory.due);
		for (const grade of GRADES) {
			expect(preview[grade].interval).toEqual(formatInterval(preview[grade].due - memory.due));
		}
	});
});

it('starts 20 new cards a day by default', () => {
	expect(DEFAULT_NEW_PER_DAY).toBe(20);
});
