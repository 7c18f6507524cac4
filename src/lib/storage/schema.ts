/**
 * The shape of the app's one IndexedDB database, as idb's DBSchema: every store, its key
 * and its indexes. Types only; db.ts opens the database and upgrades it step by step, and
 * the other storage modules name stores and transactions with these types.
 */
import type { DBSchema, IDBPDatabase, StoreNames } from 'idb';
import type { ReceivedAssignment, TeacherSet } from '$lib/domain/assignment';
import type { ReceivedResult } from '$lib/domain/class-report';
import type { AnswerEvent, Attempt, AttemptStatus, CardRecord, Learner } from '$lib/domain/records';
import type { DayStats, ItemStats } from '$lib/domain/stats';

/** A small key/value store for app-wide settings (current learner, limits). */
export interface SettingRecord {
	key: string;
	value: unknown;
}

export interface FactdeckDB extends DBSchema {
	learners: { key: string; value: Learner };
	settings: { key: string; value: SettingRecord };
	events: {
		key: string;
		value: AnswerEvent;
		indexes: { 'by-learner-time': [string, number]; 'by-learner-item': [string, string] };
	};
	cards: {
		key: [string, string];
		value: CardRecord;
		indexes: { 'by-learner-due': [string, number] };
	};
	attempts: {
		key: string;
		value: Attempt;
		indexes: {
			'by-learner-started': [string, number];
			'by-learner-status': [string, AttemptStatus, number];
		};
	};
	assignments: {
		key: [string, string];
		value: ReceivedAssignment;
		indexes: { 'by-learner-received': [string, number] };
	};
	/**
	 * Derived from `events` (src/lib/domain/stats.ts), kept up to date in each answer's
	 * transaction. No index: the key starts with the learner, so a key range over the store
	 * itself lists one learner's records.
	 */
	itemStats: { key: [string, string]; value: ItemStats };
	/** Derived from `events`, like itemStats; keyed by [learnerId, local date]. */
	dayStats: { key: [string, string]; value: DayStats };
	/** Question sets this device composed as a teacher (device-wide, not per learner). */
	sets: { key: string; value: TeacherSet };
	/** Results students sent back, decrypted and checked; keyed by a hash of the code. */
	results: {
		key: string;
		value: ReceivedResult;
		indexes: { 'by-assignment': [string, number] };
	};
}

export type Store = StoreNames<FactdeckDB>;
export type Db = IDBPDatabase<FactdeckDB>;
