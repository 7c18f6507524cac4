import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PORT } from '../../playwright.config';
import { waitForServiceWorker } from './helpers';

// Chromium reports 'in-incognito' for Playwright's normal contexts, so installability is
// checked in a persistent profile.
test('Chromium finds the app installable, with a valid manifest', async () => {
	const profile = mkdtempSync(join(tmpdir(), 'factdeck-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
	try {
		const page = await context.newPage();
		await page.goto(`http://localhost:${PORT}/`);
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		const parsed = JSON.parse(manifest.data ?? '{}');
		expect(parsed).toMatchObject({ short_name: 'Factdeck', display: 'standalone', start_url: '/' });
		expect(
			parsed.icons.map(
				(i: { sizes: string; purpose?: string }) => `${i.sizes} ${i.purpose ?? 'any'}`
			)
		).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
