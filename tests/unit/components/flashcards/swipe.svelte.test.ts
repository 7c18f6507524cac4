import { fireEvent } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { swipe, type SwipeOptions } from '../../../../src/lib/components/flashcards/swipe';

let cleanups: (() => void)[] = [];

afterEach(() => {
	cleanups.forEach((cleanup) => cleanup());
	cleanups = [];
	vi.unstubAllGlobals();
});

/** A card area with the attachment on it, as `{@attach swipe(...)}` would set it up. */
function setUp(options: Partial<SwipeOptions> = {}) {
	const onswipe = vi.fn();
	const node = document.createElement('div');
	const button = document.createElement('button');
	node.append(button);
	document.body.append(node);
	const detach = swipe({ onswipe, ...options })(node);
	cleanups.push(() => {
		if (typeof detach === 'function') detach();
		node.remove();
	});
	return { node, button, onswipe };
}

/** A drag from (100, 100) through the given points, released at the last one. */
async function drag(target: Element, points: [number, number][], init: PointerEventInit = {}) {
	const base = { pointerId: 1, isPrimary: true, pointerType: 'touch', ...init };
	await fireEvent.pointerDown(target, { ...base, clientX: 100, clientY: 100 });
	for (const [x, y] of points)
		await fireEvent.pointerMove(target, { ...base, clientX: x, clientY: y });
	const [x, y] = points[points.length - 1];
	await fireEvent.pointerUp(target, { ...base, clientX: x, clientY: y });
}

describe('swipe', () => {
	it('lets the page scroll vertically', () => {
		const { node } = setUp();
		expect(node.style.touchAction).toBe('pan-y');
	});

	it('calls onswipe("left") and onswipe("right") for long horizontal drags', async () => {
		const { node, button, onswipe } = setUp();
		await drag(node, [
			[60, 102],
			[-10, 105]
		]);
		await drag(button, [
			[150, 98],
			[200, 90]
		]);
		expect(onswipe.mock.calls).toEqual([['left'], ['right']]);
	});

	it('ignores short drags, vertical drags, cancelled drags and other fingers', async () => {
		const { node, onswipe } = setUp();
		await drag(node, [[150, 100]]);
		await drag(node, [
			[105, 150],
			[0, 260]
		]);
		await drag(node, [[0, 200]]);
		await drag(node, [[0, 100]], { isPrimary: false });
		await fireEvent.pointerDown(node, { pointerId: 2, isPrimary: true, clientX: 100, clientY: 0 });
		await fireEvent.pointerMove(node, { pointerId: 2, isPrimary: true, clientX: 0, clientY: 0 });
		await fireEvent.pointerCancel(node, { pointerId: 2, isPrimary: true, clientX: 0, clientY: 0 });
		await fireEvent.pointerUp(node, { pointerId: 2, isPrimary: true, clientX: 0, clientY: 0 });
		expect(onswipe).not.toHaveBeenCalled();
	});

	it('does nothing while disabled', async () => {
		const { node, onswipe } = setUp({ disabled: true });
		await fireEvent.pointerDown(node, { pointerId: 1, isPrimary: true, clientX: 100 });
		await fireEvent.pointerMove(node, { pointerId: 1, isPrimary: true, clientX: 0 });
		expect(node.style.transform).toBe('');
		await fireEvent.pointerUp(node, { pointerId: 1, isPrimary: true, clientX: 0 });
		expect(onswipe).not.toHaveBeenCalled();
	});

	it('moves the card a little with the finger, then puts it back', async () => {
		const { node } = setUp();
		await fireEvent.pointerDown(node, { pointerId: 1, isPrimary: true, clientX: 100 });
		await fireEvent.pointerMove(node, { pointerId: 1, isPrimary: true, clientX: 50 });
		expect(node.style.transform).toContain('translateX(-20px)');
		await fireEvent.pointerUp(node, { pointerId: 1, isPrimary: true, clientX: 50 });
		expect(node.style.transform).toBe('');
	});

	it('keeps the card still with reduced motion', async () => {
		vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce') }));
		const { node, onswipe } = setUp();
		await fireEvent.pointerDown(node, { pointerId: 1, isPrimary: true, clientX: 100 });
		await fireEvent.pointerMove(node, { pointerId: 1, isPrimary: true, clientX: 0 });
		expect(node.style.transform).toBe('');
		await fireEvent.pointerUp(node, { pointerId: 1, isPrimary: true, clientX: 0 });
		expect(onswipe).toHaveBeenCalledWith('left');
	});

	it('swallows the click that ends a drag, but not a tap', async () => {
		const { node, button } = setUp();
		const onclick = vi.fn();
		button.addEventListener('click', onclick);
		await drag(button, [[50, 100]]);
		await fireEvent.click(button);
		expect(onclick).not.toHaveBeenCalled();
		await drag(button, [[102, 101]]);
		await fireEvent.click(button);
		expect(onclick).toHaveBeenCalledOnce();
		expect(node).toBeInTheDocument();
	});

	it('restores the element when detached', () => {
		const { node } = setUp();
		cleanups.forEach((cleanup) => cleanup());
		cleanups = [];
		expect(node.style.touchAction).toBe('');
	});
});
