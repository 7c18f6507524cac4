/**
 * Packages for other tools are zip files (fflate, synchronous: a set's package is a few
 * hundred kilobytes at most). Pure: files in, bytes out.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** A package's files by path inside the zip: text (written as UTF-8) or bytes. */
export type PackageFiles = Record<string, string | Uint8Array>;

/**
 * The files as a zip, in the order given (a manifest first helps tools that peek at the
 * start). Every entry gets the same fixed date, so the same set always gives the same bytes.
 */
export function zipPackage(files: PackageFiles): Uint8Array {
	const mtime = new Date('2026-01-01T00:00:00Z');
	const entries: Zippable = {};
	for (const [path, content] of Object.entries(files)) {
		entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime }];
	}
	return zipSync(entries, { level: 9 });
}

/** A zip's files by path (for tests and checks). */
export function unzipPackage(zip: Uint8Array): Record<string, Uint8Array> {
	return unzipSync(zip);
}
