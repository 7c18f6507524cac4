import { expect, test, type Page } from '@playwright/test';
import { ROUTES, answerWhateverIsShown } from './helpers';

// Its own viewport (a 360 px phone) whatever the project: runs in the phone project only
// (playwright.config.ts), since the desktop one would repeat it exactly.
test.describe('text zoom to 200% at 360 px wide', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	for (const route of ROUTES) {
		test(`nothing overflows sideways on ${route.path}`, async ({ page }) => {
			await page.goto(route.path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
			expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
		});
	}

	test('a question with its feedback, and a flipped flashcard', async ({ page }) => {
		await page.goto('/quiz');
		await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
		// The folded filters, open, at 200% as well.
		await page.getByText('Topics, difficulty and kinds', { exact: true }).click();
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
		await page.evaluate(() => (document.documentElement.style.fontSize = ''));
		await page.getByRole('checkbox', { name: 'Match the pairs' }).check();
		await page.getByRole('radio', { name: '5' }).check();
		await page.getByRole('button', { name: /^Start the quiz/ }).click();
		await expect(page.getByText('Question 1 of 5')).toBeVisible();
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
		await answerWhateverIsShown(page);
		expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });

		await page.goto('/flashcards/study?deck=all');
		await expect(page.getByText(/Card 1 of \d+/)).toBeVisible();
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
		expect(await overflow(page)).toEqual({ scroll: 0, wide: [] });
	});
});

/** How far the page scrolls sideways, and the outermost elements sticking out (none, ideally). */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		// Elements inside a sideways-scrolling region may be wide: the region scrolls.
		const tooWide = (el: Element) =>
			el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('[data-scrolls], nav');
		// Report the outermost culprits (whose parent still fits), with some text to find them.
		const wide = [...document.querySelectorAll<HTMLElement>('main *, header *')]
			.filter((el) => tooWide(el) && !(el.parentElement && tooWide(el.parentElement)))
			.map(
				(el) =>
					`${el.tagName.toLowerCase()}.${el.className.split(' ')[0]} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}px`
			);
		return { scroll: root.scrollWidth - root.clientWidth, wide: wide.slice(0, 5) };
	});
}
