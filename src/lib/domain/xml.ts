/**
 * Writing XML and HTML text safely, for the LMS exports (Moodle XML, QTI, SCORM). Pure.
 */

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text made safe inside an XML or HTML element or a double- or single-quoted attribute:
 * & < > " ' written as entities, and characters XML cannot carry dropped.
 */
export function escapeXml(text: string): string {
	return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Attributes written as ` name="value"`, in the order given; undefined values left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
	return Object.entries(values)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
		.join('');
}

/** An element holding escaped text: `<name a="1">text</name>`. */
export function textElement(
	name: string,
	text: string,
	attributes: Record<string, string | number | undefined> = {}
): string {
	return `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`;
}

/** Lines indented by one tab each (nested blocks of an XML document). */
export function indent(lines: readonly string[], depth = 1): string[] {
	const pad = '\t'.repeat(depth);
	return lines.map((line) => pad + line);
}
