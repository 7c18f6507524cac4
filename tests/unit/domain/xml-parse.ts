/**
 * A strict XML reader for the export tests (@xmldom/xmldom, a real parser): any warning or
 * error fails the test, and the helpers read elements by their local name.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

/** Parses `text` as XML, throwing on any parser warning or error. */
export function parseXml(text: string) {
	const parser = new DOMParser({
		onError: (level, message) => {
			throw new Error(`XML ${level}: ${message}`);
		}
	});
	return parser.parseFromString(text, 'text/xml');
}

/** Child elements of `parent` with this local name, or all with '*' (direct children only). */
export function children(parent: Element, name: string): Element[] {
	const out: Element[] = [];
	for (let node = parent.firstChild; node; node = node.nextSibling) {
		if (node.nodeType === 1 && (name === '*' || (node as Element).localName === name))
			out.push(node as Element);
	}
	return out;
}

/** The one child element with this local name; fails when there is none or several. */
export function child(parent: Element, name: string): Element {
	const found = children(parent, name);
	if (found.length !== 1) {
		throw new Error(`<${parent.localName}> has ${found.length} <${name}>, expected 1`);
	}
	return found[0];
}

/** The text of the child `<name>`'s own `<text>` (Moodle's nesting), or of `<name>` itself. */
export function textOf(parent: Element, name: string): string {
	const element = child(parent, name);
	const inner = children(element, 'text');
	return (inner.length ? inner[0] : element).textContent ?? '';
}

/** Every element under `root` (at any depth) with this local name. */
export function descendants(root: Element, name: string): Element[] {
	return Array.from(root.getElementsByTagNameNS('*', name)) as unknown as Element[];
}
