/**
 * Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver BiDi. A new
 * profile is a BiDi user context of the same browser (its own storage and service workers).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, {
	type Browser,
	type BrowserContext,
	type ElementHandle,
	type KeyInput,
	type Page
} from 'puppeteer-core';
import type { Driver, Element, Key } from './driver.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_PACKAGE = 'firefox-esr';

const KEYS: Record<Key, KeyInput> = {
	Enter: 'Enter',
	Space: ' ',
	Tab: 'Tab',
	'1': '1',
	'2': '2',
	'3': '3',
	'4': '4',
	'5': '5',
	'6': '6'
};

/** The page in front: a page behind others gets no animation frames and slower timers. */
let inFront: Page | null = null;

class FirefoxDriver implements Driver {
	readonly engine = 'firefox';
	constructor(
		private readonly browser: Browser,
		private readonly context: BrowserContext | null,
		private readonly page: Page,
		readonly downloadDir: string
	) {}

	/** Brings this profile's page to the front when another one was there. */
	private async front() {
		if (inFront === this.page) return;
		await this.page.bringToFront();
		inFront = this.page;
	}

	async goto(url: string) {
		await this.front();
		await this.page.goto(url, { waitUntil: 'load' });
	}
	async reload() {
		await this.front();
		await this.page.reload({ waitUntil: 'load' });
	}
	async url() {
		return this.page.url();
	}
	async evaluate<T>(expression: string): Promise<T> {
		await this.front();
		return (await this.page.evaluate(expression)) as T;
	}
	async element(expression: string): Promise<Element | null> {
		await this.front();
		const handle = await this.page.evaluateHandle(expression);
		const el = handle.asElement();
		if (!el) await handle.dispose();
		return el as unknown as Element | null;
	}
	async click(el: Element) {
		await this.front();
		await (el as unknown as ElementHandle).click();
	}
	async type(el: Element, text: string) {
		await this.front();
		await (el as unknown as ElementHandle).type(text);
	}
	async press(key: Key) {
		await this.front();
		await this.page.keyboard.press(KEYS[key]);
	}
	async drag(el: Element, dx: number) {
		await this.front();
		const box = await (el as unknown as ElementHandle).boundingBox();
		if (!box) throw new Error('firefox: the element to drag has no box');
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx, y, { steps: 8 });
		await this.page.mouse.up();
	}
	async upload(el: Element, path: string) {
		await this.front();
		await (el as unknown as ElementHandle<HTMLInputElement>).uploadFile(path);
	}
	async newProfile(): Promise<Driver> {
		const context = await this.browser.createBrowserContext();
		const page = await context.newPage();
		return new FirefoxDriver(this.browser, context, page, this.downloadDir);
	}
	async close() {
		if (this.context) await this.context.close();
		else await this.browser.close();
	}
}

/** Launches Firefox ESR with a fresh profile (puppeteer makes a temporary one). */
export async function launchFirefox(): Promise<Driver> {
	const downloadDir = mkdtempSync(join(tmpdir(), 'factdeck-firefox-downloads-'));
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless: true,
		// A command that hangs fails after this, rather than after puppeteer's 180 s.
		protocolTimeout: 30_000,
		extraPrefsFirefox: {
			// Downloads go straight to this folder, without asking.
			'browser.download.dir': downloadDir,
			'browser.download.folderList': 2,
			'browser.download.useDownloadDir': true,
			'browser.download.always_ask_before_handling_new_types': false
		}
	});
	const page = (await browser.pages())[0] ?? (await browser.newPage());
	await page.setViewport({ width: 1280, height: 800 });
	return new FirefoxDriver(browser, null, page, downloadDir);
}
