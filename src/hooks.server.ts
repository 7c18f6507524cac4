/**
 * Runs while each page is prerendered (the app has no server). The main sections and the
 * static pages paint their content from the HTML alone, so their scripts start after that
 * first paint (src/lib/server/boot-after-paint.ts). The other pages show nothing useful
 * before their script runs (the assignment a link carries, a quiz being played, a set or
 * a report read from IndexedDB): their scripts start at once, as Kit writes them.
 */
import type { Handle } from '@sveltejs/kit';
import { bootAfterFirstPaint } from '$lib/server/boot-after-paint';

const PAINT_FIRST = new Set([
	'/',
	'/quiz',
	'/flashcards',
	'/progress',
	'/settings',
	'/teach',
	'/about',
	'/not-found'
]);

export const handle: Handle = ({ event, resolve }) =>
	resolve(
		event,
		PAINT_FIRST.has(event.url.pathname)
			? { transformPageChunk: ({ html }) => bootAfterFirstPaint(html) }
			: undefined
	);
