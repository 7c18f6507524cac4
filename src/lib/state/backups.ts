/**
 * Backup actions shared by the settings page and the delete-learner dialog: export to a
 * downloaded file, and import from a chosen file (validated whole before any write).
 */
import summary from 'virtual:factdeck-bank-summary';
import { backupFileName, parseBackup, type Backup } from '$lib/domain/backup';
import { download } from '$lib/download';
import { exportBackup, importBackup, type ImportSummary } from '$lib/storage/backup';

/**
 * Downloads a backup of the given learners, or of all of them; with `teacher`, the device's
 * assignment sets, results and teacher key too.
 */
export async function downloadBackup(
	learnerIds: string[] | 'all',
	label: string,
	teacher = false
): Promise<void> {
	const now = Date.now();
	const backup = await exportBackup(learnerIds, now, summary.version, teacher);
	download(backupFileName(now, label), JSON.stringify(backup));
}

export type ReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Reads and validates a chosen file; writes nothing. */
export async function readBackupFile(file: File): Promise<ReadResult> {
	const parsed = parseBackup(await file.text());
	return parsed.ok ? parsed : { ok: false, message: parsed.message };
}

export function applyBackup(backup: Backup): Promise<ImportSummary> {
	return importBackup(backup);
}
