/**
 * A SCORM 1.2 package of a set (a zip the teacher uploads to the LMS): `imsmanifest.xml`,
 * the launch page `index.html`, the set and its questions in `questions.js`, and the player
 * (`player.js`, `player.css`: the app's quiz player built as one bundle, see
 * vite.player.config.ts). It needs no network and no service worker. Pure: the caller
 * passes the player's built files.
 */
import type { AssignmentSettings } from './assignment.ts';
import type { Item } from './bank.ts';
import { requireItems } from './lms-text.ts';
import type { PackageFiles } from './lms-zip.ts';
import { PACKAGE_FORMAT, type ScormSetData } from './scorm-session.ts';
import { attrs, escapeXml, indent, textElement } from './xml.ts';

/** The player's built files. */
export interface PlayerBundle {
	js: string;
	css: string;
}

/** The global `questions.js` sets and the player reads. */
export const PACKAGE_GLOBAL = 'factdeckPackage';

/** Files every package holds besides the manifest, in the order the manifest lists them. */
export const PACKAGE_FILES = ['index.html', 'questions.js', 'player.js', 'player.css'] as const;

const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** What the teacher chooses for the package on top of the set. */
export interface PackageOptions {
	/** Passing percentage (0 to 100), or null: the LMS then records "completed". */
	masteryScore: number | null;
	/** Shown as "from …" in the player; may be empty. */
	teacherName: string;
}

/** The data a package carries, from a set, its items (in the set's order) and the options. */
export function packageData(
	set: AssignmentSettings & { id: string; revision: number },
	items: readonly Item[],
	options: PackageOptions,
	vocabulary: readonly string[]
): ScormSetData {
	return {
		format: PACKAGE_FORMAT,
		id: set.id,
		revision: set.revision,
		title: set.title,
		instructions: set.instructions,
		teacherName: options.teacherName,
		// A flashcard set is played as a practice quiz: an LMS records quiz scores.
		mode: set.mode === 'test' ? 'test' : 'practice',
		shuffle: set.shuffle,
		showAnswers: set.showAnswers,
		tries: set.tries,
		masteryScore: options.masteryScore,
		items: [...items],
		vocabulary: [...vocabulary]
	};
}

/** The SCORM 1.2 manifest: one organization with one SCO, the launch page. */
export function scormManifest(data: ScormSetData): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<manifest${attrs({
			identifier: `factdeck-${data.id}-r${data.revision}`,
			version: '1',
			xmlns: CP,
			'xmlns:adlcp': ADLCP,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': `${CP} imscp_rootv1p1p2.xsd ${IMSMD} imsmd_rootv1p2p1.xsd ${ADLCP} adlcp_rootv1p2.xsd`
		})}>`,
		...indent([
			'<metadata>',
			'\t<schema>ADL SCORM</schema>',
			'\t<schemaversion>1.2</schemaversion>',
			'</metadata>',
			'<organizations default="ORG-1">',
			...indent([
				'<organization identifier="ORG-1">',
				...indent([
					textElement('title', data.title),
					'<item identifier="ITEM-1" identifierref="RES-1" isvisible="true">',
					...indent([
						textElement('title', data.title),
						...(data.masteryScore === null
							? []
							: [textElement('adlcp:masteryscore', String(data.masteryScore))])
					]),
					'</item>'
				]),
				'</organization>'
			]),
			'</organizations>',
			'<resources>',
			...indent([
				`<resource${attrs({ identifier: 'RES-1', type: 'webcontent', 'adlcp:scormtype': 'sco', href: 'index.html' })}>`,
				...indent(PACKAGE_FILES.map((href) => `<file${attrs({ href })}/>`)),
				'</resource>'
			]),
			'</resources>'
		]),
		'</manifest>'
	];
	return lines.map((line) => `${line}\n`).join('');
}

/** The launch page: the title, a place for the player, and the two scripts. */
export function launchPage(data: ScormSetData): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(data.title)}</title>
<link rel="stylesheet" href="player.css">
</head>
<body>
<main id="app">
<h1>${escapeXml(data.title)}</h1>
<noscript><p>This quiz needs JavaScript. Turn it on in the browser, or ask your teacher.</p></noscript>
</main>
<script src="questions.js"></script>
<script src="player.js"></script>
</body>
</html>
`;
}

/**
 * `questions.js`: one assignment of the package data as a JSON literal. `<`, `>` and `&`
 * are written as \u escapes, and so are U+2028 and U+2029, so no text from the set can end
 * the script or be read as markup, whatever it holds.
 */
export function questionsScript(data: ScormSetData): string {
	const json = JSON.stringify(data).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
	return `window.${PACKAGE_GLOBAL} = ${json};\n`;
}

/**
 * Every file of the package, manifest first.
 * @throws ExportError when the set has no questions.
 */
export function scormPackageFiles(data: ScormSetData, player: PlayerBundle): PackageFiles {
	requireItems(data.items);
	return {
		'imsmanifest.xml': scormManifest(data),
		'index.html': launchPage(data),
		'questions.js': questionsScript(data),
		'player.js': player.js,
		'player.css': player.css
	};
}
