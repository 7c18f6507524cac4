import { describe, expect, it } from 'vitest';
import {
	cleanStudentName,
	fromTeacher,
	isAutomaticName,
	learnerRename,
	resultNameFor,
	suggestedStudentName,
	teacherNameProblem
} from '../../../src/lib/domain/names';

describe('suggestedStudentName', () => {
	it('never offers the automatic "Learner 1"', () => {
		expect(isAutomaticName('Learner 1')).toBe(true);
		expect(isAutomaticName('Learner 12')).toBe(false);
		expect(suggestedStudentName({ name: 'Learner 1' }, [])).toBe('');
		expect(suggestedStudentName(null, [])).toBe('');
	});

	it('offers the name typed on the newest other assignment, then a typed learner name', () => {
		const accepted = [
			{ receivedAt: 1, studentName: 'Ada O.' },
			{ receivedAt: 3, studentName: 'Ada Okafor' },
			{ receivedAt: 5, studentName: '  ' },
			{ receivedAt: 4 }
		];
		expect(suggestedStudentName({ name: 'Learner 1' }, accepted)).toBe('Ada Okafor');
		expect(suggestedStudentName({ name: 'Ada' }, [])).toBe('Ada');
	});
});

describe('resultNameFor', () => {
	it('uses the name kept with the assignment first', () => {
		expect(resultNameFor({ studentName: 'Ada Okafor' }, { name: 'Ada' })).toBe('Ada Okafor');
		expect(resultNameFor({}, { name: 'Ada' })).toBe('Ada');
		expect(resultNameFor({}, { name: 'Learner 1' })).toBe('');
	});
});

describe('learnerRename', () => {
	it('names the automatic learner once, and keeps a name a person gave', () => {
		expect(learnerRename({ name: 'Learner 1' }, '  Ada Okafor ')).toBe('Ada Okafor');
		expect(learnerRename({ name: 'Learner 1' }, '   ')).toBeNull();
		expect(learnerRename({ name: 'Kim' }, 'Kim Lee')).toBeNull();
	});
});

describe('fromTeacher', () => {
	it('reads "from Ms X", or nothing without a name', () => {
		expect(fromTeacher(' Ms Aliyeva ')).toBe('from Ms Aliyeva');
		expect(fromTeacher('')).toBe('');
	});
});

describe('teacherNameProblem', () => {
	it('asks for a name that fits a link', () => {
		expect(teacherNameProblem('Ms Aliyeva')).toBeNull();
		expect(teacherNameProblem('  ')).toBe('Type the name your students know you by.');
		expect(teacherNameProblem('x'.repeat(41))).toBe('Keep your name to 40 characters.');
		expect(teacherNameProblem('Ms\tX')).toBe('Your name cannot hold tabs or line breaks.');
	});
});

describe('cleanStudentName', () => {
	it('cleans names: control characters out, trimmed, cut to the limit', () => {
		expect(cleanStudentName('  Ana\u0000 B  ')).toBe('Ana  B');
		expect(cleanStudentName('x'.repeat(100))).toHaveLength(40);
		expect(cleanStudentName('   ')).toBe('');
	});
});
