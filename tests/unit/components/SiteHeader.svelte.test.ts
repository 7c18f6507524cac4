import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import SiteHeader from '../../../src/lib/components/SiteHeader.svelte';
import { connectivity } from '../../../src/lib/state/connectivity.svelte';

describe('SiteHeader', () => {
	afterEach(() => vi.restoreAllMocks());

	it('shows the navigation and marks no offline state while online', () => {
		render(SiteHeader, {
			links: [
				{ href: '/', label: 'Home' },
				{ href: '/about', label: 'About the source' }
			]
		});
		const nav = screen.getByRole('navigation', { name: 'Main' });
		expect(nav).toHaveTextContent('Home');
		expect(screen.getByRole('link', { name: 'About the source' })).toHaveAttribute(
			'href',
			'/about'
		);
		expect(screen.queryByText(/Offline/)).toBeNull();
	});

	it('shows the offline indicator when the browser goes offline, and hides it again', () => {
		const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
		const stop = connectivity.watch();
		render(SiteHeader, { links: [{ href: '/', label: 'Home' }] });
		onLine.mockReturnValue(false);
		window.dispatchEvent(new Event('offline'));
		flushSync();
		expect(screen.getByText(/Offline/)).toHaveTextContent('Offline: everything still works');
		onLine.mockReturnValue(true);
		window.dispatchEvent(new Event('online'));
		flushSync();
		expect(screen.queryByText(/Offline/)).toBeNull();
		stop();
	});
});
