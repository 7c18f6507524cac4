/**
 * Swiping a flashcard: an attachment for the card area that turns a horizontal drag into
 * `onswipe('left' | 'right')`. Pointer events, so it works for touch, pen and mouse. While
 * dragging, the card follows the finger a little (not with reduced motion). Vertical
 * movement stays the browser's: `touch-action: pan-y` lets the page scroll, and a drag that
 * starts out vertical is dropped. Use: `<div {@attach swipe({ onswipe, disabled })}>`.
 */
import type { Attachment } from 'svelte/attachments';

export type SwipeDirection = 'left' | 'right';

export interface SwipeOptions {
	onswipe: (direction: SwipeDirection) => void;
	/** Drags do nothing (the card does not move either), e.g. before the card is flipped. */
	disabled?: boolean;
	/** How far, in CSS pixels, the pointer must travel sideways to count as a swipe. */
	threshold?: number;
}

export const SWIPE_THRESHOLD = 80;
/** Below this distance a press is still a tap; past it, the gesture is a drag or a scroll. */
const SLOP = 10;
/** The share of the finger's travel that the card follows. */
const FOLLOW = 0.4;

function reducedMotion(): boolean {
	// jsdom and very old browsers have no matchMedia: then motion is allowed.
	return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** The swipe attachment; see the module comment. */
export function swipe({
	onswipe,
	disabled = false,
	threshold = SWIPE_THRESHOLD
}: SwipeOptions): Attachment<HTMLElement> {
	return (node) => {
		const { touchAction, transition, transform } = node.style;
		node.style.touchAction = 'pan-y';
		/** The gesture under way: where it started, and whether it has become a sideways drag. */
		let gesture: { id: number; x: number; y: number; dragging: boolean } | null = null;
		/** A drag ends with a click on the card, which is not a tap and must not flip it. */
		let swallowClick = false;

		function settle() {
			if (gesture?.dragging && node.style.transform !== transform) {
				node.style.transition = 'transform 0.2s ease-out';
				node.style.transform = transform;
			}
			gesture = null;
		}

		function down(event: PointerEvent) {
			swallowClick = false;
			if (disabled || !event.isPrimary || event.button !== 0) return;
			gesture = { id: event.pointerId, x: event.clientX, y: event.clientY, dragging: false };
		}

		function move(event: PointerEvent) {
			if (!gesture || event.pointerId !== gesture.id) return;
			const dx = event.clientX - gesture.x;
			const dy = event.clientY - gesture.y;
			if (!gesture.dragging) {
				if (Math.abs(dx) < SLOP && Math.abs(dy) < SLOP) return;
				// Mostly vertical: a scroll, which belongs to the browser.
				if (Math.abs(dy) >= Math.abs(dx)) {
					gesture = null;
					return;
				}
				gesture.dragging = true;
				node.setPointerCapture?.(event.pointerId);
			}
			if (reducedMotion()) return;
			node.style.transition = 'none';
			node.style.transform =
				`${transform} translateX(${dx * FOLLOW}px) rotate(${dx * 0.02}deg)`.trim();
		}

		function up(event: PointerEvent) {
			if (!gesture || event.pointerId !== gesture.id) return;
			const dx = event.clientX - gesture.x;
			const dy = event.clientY - gesture.y;
			const swiped = gesture.dragging && Math.abs(dx) > threshold && Math.abs(dx) > Math.abs(dy);
			swallowClick = gesture.dragging;
			settle();
			if (swiped) onswipe(dx < 0 ? 'left' : 'right');
		}

		function cancel(event: PointerEvent) {
			if (gesture && event.pointerId === gesture.id) settle();
		}

		function click(event: MouseEvent) {
			if (!swallowClick) return;
			swallowClick = false;
			event.preventDefault();
			event.stopPropagation();
		}

		node.addEventListener('pointerdown', down);
		node.addEventListener('pointermove', move);
		node.addEventListener('pointerup', up);
		node.addEventListener('pointercancel', cancel);
		// Capture: the click is stopped before it reaches the button inside.
		node.addEventListener('click', click, true);
		return () => {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointermove', move);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', cancel);
			node.removeEventListener('click', click, true);
			Object.assign(node.style, { touchAction, transition, transform });
		};
	};
}
