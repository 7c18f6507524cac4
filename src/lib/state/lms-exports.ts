/**
 * The set page's exports for other tools, as files to download: a SCORM 1.2 package, a QTI
 * 2.1 package, Moodle XML, GIFT and Anki text. Every one refuses a set with no questions
 * (an ExportError with a sentence) before anything is built or zipped.
 */
import { getVocabulary } from '$lib/bank';
import type { TeacherSet } from '$lib/domain/assignment';
import type { Item } from '$lib/domain/bank';
import { toAnki, toGift } from '$lib/domain/export-formats';
import { toMoodleXml } from '$lib/domain/export-moodle';
import { qtiPackageFiles } from '$lib/domain/export-qti';
import { requireItems } from '$lib/domain/lms-text';
import { slugify } from '$lib/domain/wording';
import { zipPackage } from '$lib/domain/lms-zip';
import { packageData, scormPackageFiles } from '$lib/domain/scorm-package';
import { download } from '$lib/download';
import { getTeacherName } from '$lib/storage/teach';

export const EXPORT_KINDS = ['scorm', 'qti', 'moodle', 'gift', 'anki'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Makes one export of `set` (its `items` in the set's order) and offers it as a download.
 * @param masteryScore SCORM only: the pass mark in percent, or null for none.
 * @throws ExportError for a set with no questions.
 */
export async function exportSet(
	kind: ExportKind,
	set: TeacherSet,
	items: readonly Item[],
	masteryScore: number | null = null
): Promise<void> {
	requireItems(items);
	const slug = slugify(set.title);
	switch (kind) {
		case 'scorm': {
			// The player (about 100 KB) is loaded only when a teacher makes a package.
			const [player, teacherName] = await Promise.all([
				import('virtual:factdeck-scorm-player'),
				getTeacherName()
			]);
			const data = packageData(set, items, { masteryScore, teacherName }, getVocabulary());
			const zip = zipPackage(scormPackageFiles(data, { js: player.js, css: player.css }));
			return download(`${slug}.scorm12.zip`, zip, 'application/zip');
		}
		case 'qti': {
			const files = qtiPackageFiles(items, set);
			return download(`${slug}.qti21.zip`, zipPackage(files), 'application/zip');
		}
		case 'moodle':
			// A '/' in a category makes nested categories in Moodle.
			return download(`${slug}.moodle.xml`, toMoodleXml(items, set.title), 'application/xml');
		case 'gift':
			return download(
				`${slug}.gift.txt`,
				toGift(items, set.title.replaceAll('/', '-')),
				'text/plain'
			);
		case 'anki':
			return download(`${slug}.anki.txt`, toAnki(items, `factdeck ${slug}`), 'text/plain');
	}
}
