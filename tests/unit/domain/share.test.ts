import { describe, expect, it } from 'vitest';
import { canShareLink, mailtoHref } from '../../../src/lib/domain/share';

const data = { title: 'Week 1', url: 'https://factdeck.test/join#ABC' };
const share = async () => {};

describe('canShareLink', () => {
	it('offers the share sheet only where navigator.share exists and canShare says yes', () => {
		expect(canShareLink(undefined, data)).toBe(false);
		expect(canShareLink({}, data)).toBe(false);
		expect(canShareLink({ share }, data)).toBe(true);
		expect(canShareLink({ share, canShare: () => true }, data)).toBe(true);
		expect(canShareLink({ share, canShare: () => false }, data)).toBe(false);
		expect(
			canShareLink(
				{
					share,
					canShare: () => {
						throw new TypeError('bad data');
					}
				},
				data
			)
		).toBe(false);
	});
});

describe('mailtoHref', () => {
	it('carries the subject and the link, encoded for any mail app', () => {
		const href = mailtoHref('Result: Week 1 & 2', 'Open this link:\nhttps://x.test/collect#A+B');
		expect(href).toBe(
			'mailto:?subject=Result%3A%20Week%201%20%26%202&body=Open%20this%20link%3A%0Ahttps%3A%2F%2Fx.test%2Fcollect%23A%2BB'
		);
		const url = new URL(href);
		expect(url.protocol).toBe('mailto:');
		expect(decodeURIComponent(url.search.split('&body=')[1])).toBe(
			'Open this link:\nhttps://x.test/collect#A+B'
		);
	});
});
