/**
 * WebKit: WebKitGTK's MiniBrowser (Debian's `webkit2gtk-driver` brings WebKitWebDriver and
 * MiniBrowser) under `xvfb-run`, driven by selenium-webdriver attached to a WebKitWebDriver
 * this file starts. WebKitWebDriver holds one session at a time, so each profile gets its own
 * driver process, with its own HOME (its own data and downloads folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Capabilities, Key as Keys, Origin, WebDriver, type WebElement } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http';
import type { Driver, Element, Key } from './driver.ts';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
	process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN = '/usr/bin/xvfb-run';

const KEYS: Record<Key, string> = {
	Enter: Keys.ENTER,
	Space: Keys.SPACE,
	Tab: Keys.TAB,
	'1': '1',
	'2': '2',
	'3': '3',
	'4': '4',
	'5': '5',
	'6': '6'
};

/** Ports for the driver processes, one per profile open at once. */
const freePorts = [4187, 4188, 4189];

async function waitForDriver(port: number, child: ChildProcess) {
	const start = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
		} catch {
			/* not listening yet */
		}
		if (Date.now() - start > 30_000) throw new Error('WebKitWebDriver did not start in 30 s');
		await new Promise((r) => setTimeout(r, 100));
	}
}

class WebKitDriver implements Driver {
	readonly engine = 'webkit';
	constructor(
		private readonly wd: WebDriver,
		private readonly child: ChildProcess,
		private readonly port: number,
		readonly downloadDir: string
	) {}

	async goto(url: string) {
		await this.wd.get(url);
	}
	async reload() {
		await this.wd.navigate().refresh();
	}
	url() {
		return this.wd.getCurrentUrl();
	}
	async evaluate<T>(expression: string): Promise<T> {
		const out = (await this.wd.executeAsyncScript(
			`const done = arguments[arguments.length - 1];
			Promise.resolve().then(() => ${expression}).then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`
		)) as { value?: T; error?: string };
		if (out.error) throw new Error(`webkit: JavaScript error: ${out.error}`);
		return out.value as T;
	}
	async element(expression: string): Promise<Element | null> {
		const el = await this.evaluate<WebElement | null>(expression);
		return (el ?? null) as unknown as Element | null;
	}
	async click(el: Element) {
		await (el as unknown as WebElement).click();
	}
	async type(el: Element, text: string) {
		await (el as unknown as WebElement).sendKeys(text);
	}
	async press(key: Key) {
		await this.wd.actions().sendKeys(KEYS[key]).perform();
	}
	async drag(el: Element, dx: number) {
		const step = dx / 8;
		let chain = this.wd
			.actions()
			.move({ origin: el as unknown as WebElement })
			.press();
		for (let i = 0; i < 8; i++) chain = chain.move({ origin: Origin.POINTER, x: step, y: 0 });
		await chain.release().perform();
	}
	async upload(el: Element, path: string) {
		await (el as unknown as WebElement).sendKeys(path);
	}
	newProfile() {
		return launchWebKit();
	}
	async close() {
		try {
			await this.wd.quit();
		} finally {
			stopGroup(this.child);
			freePorts.push(this.port);
		}
	}
}

function stopGroup(child: ChildProcess) {
	try {
		process.kill(-child.pid!, 'SIGTERM');
	} catch {
		/* already gone */
	}
}

/** Starts a WebKitWebDriver (under xvfb-run) and opens a MiniBrowser session on it. */
export async function launchWebKit(): Promise<Driver> {
	const port = freePorts.shift();
	if (!port) throw new Error('webkit: no free driver port (three profiles open at once)');
	const home = mkdtempSync(join(tmpdir(), 'factdeck-webkit-'));
	const downloadDir = join(home, 'Downloads');
	mkdirSync(join(home, '.config'), { recursive: true });
	mkdirSync(downloadDir);
	writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloadDir}"\n`);
	const child = spawn(XVFB_RUN, ['-a', WEBKIT_DRIVER, `--port=${port}`], {
		detached: true,
		stdio: 'ignore',
		env: {
			...process.env,
			HOME: home,
			XDG_CONFIG_HOME: join(home, '.config'),
			XDG_DATA_HOME: join(home, '.local', 'share'),
			XDG_CACHE_HOME: join(home, '.cache')
		}
	});
	try {
		await waitForDriver(port, child);
		const executor = new Executor(new HttpClient(`http://127.0.0.1:${port}`));
		const wd = await WebDriver.createSession(
			executor,
			new Capabilities({
				'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] }
			})
		);
		await wd.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
		await wd.manage().window().setRect({ width: 1280, height: 800 });
		return new WebKitDriver(wd, child, port, downloadDir);
	} catch (e) {
		stopGroup(child);
		freePorts.push(port);
		throw e;
	}
}

/** What is missing to run WebKit, as Debian package names. */
export function missingWebKit(): string[] {
	const missing: string[] = [];
	if (!existsSync(WEBKIT_DRIVER) || !existsSync(MINIBROWSER)) missing.push('webkit2gtk-driver');
	if (!existsSync(XVFB_RUN)) missing.push('xvfb');
	if (!existsSync('/usr/bin/xauth')) missing.push('xauth');
	return missing;
}
