import { render, screen } from '@testing-library/svelte';
import jsQR, { type QRCode } from 'jsqr';
import { describe, expect, it } from 'vitest';
import QrCode, { qrCaption } from '../../../src/lib/components/QrCode.svelte';
import type { BankIndex } from '../../../src/lib/domain/assignment';
import { encodeAssignmentLink } from '../../../src/lib/domain/assignment-link';
import { encryptResult } from '../../../src/lib/domain/result-code';
import { generateTeacherKeys } from '../../../src/lib/domain/teacher-keys';

const LINK = 'https://factdeck.example/a#v1.abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGHIJKLMNOP';
const HOST = 'https://factdeck.example-school.org';

/** The dark modules a path draws, as "x,y" keys (runs of `M{x} {y}h{n}v1h-{n}z`). */
function drawn(d: string): Set<string> {
	const modules = new Set<string>();
	const run = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;
	let consumed = 0;
	for (const m of d.matchAll(run)) {
		expect(m.index).toBe(consumed);
		consumed += m[0].length;
		const [x, y, n, back] = m.slice(1).map(Number);
		expect(back).toBe(n);
		for (let i = 0; i < n; i++) modules.add(`${x + i},${y}`);
	}
	expect(consumed).toBe(d.length);
	return modules;
}

/**
 * What a phone camera would read off the rendered code: the svg's modules painted black on
 * white, 3 pixels each, and handed to a QR decoder (jsQR). Null when it reads nothing.
 */
function scan(svg: Element): QRCode | null {
	const side = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
	const dark = drawn(svg.querySelector('path')?.getAttribute('d') ?? '');
	const scale = 3;
	const width = side * scale;
	const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
	for (const key of dark) {
		const [x, y] = key.split(',').map(Number);
		// Every dark module lies inside the quiet zone of 4 light ones.
		expect(x >= 4 && y >= 4 && x < side - 4 && y < side - 4).toBe(true);
		for (let dy = 0; dy < scale; dy++) {
			for (let dx = 0; dx < scale; dx++) {
				const i = ((y * scale + dy) * width + x * scale + dx) * 4;
				pixels.fill(0, i, i + 3);
			}
		}
	}
	return jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' });
}

const bank: BankIndex = {
	version: 2,
	published: Array.from({ length: 200 }, (_, i) => `p${(i % 32) + 1}-item-${i}`)
};

describe('QrCode', () => {
	it('draws the code as one path in an svg named by the label, black on white', () => {
		const { container } = render(QrCode, { text: LINK, label: 'QR code of the assignment link' });
		const svg = screen.getByRole('img', { name: 'QR code of the assignment link' });
		expect(svg.tagName.toLowerCase()).toBe('svg');
		expect(svg).toHaveAttribute('shape-rendering', 'crispEdges');
		expect(svg).toHaveAttribute('width', '256');
		const paths = svg.querySelectorAll('path');
		expect(paths).toHaveLength(1);
		expect(paths[0]).toHaveAttribute('fill', '#000000');
		expect(svg.querySelector('rect')).toHaveAttribute('fill', '#ffffff');
		const read = scan(svg);
		expect(read?.data).toBe(LINK);
		// The quiet zone: 4 light modules on every side of the version's 17 + 4v modules.
		const side = 17 + 4 * read!.version + 8;
		expect(svg).toHaveAttribute('viewBox', `0 0 ${side} ${side}`);
		expect(container.querySelector('.caption')).toBeNull();
	});

	it('reads back as exactly the link, the address in bytes and the code in alphanumeric mode', async () => {
		const keys = await generateTeacherKeys();
		const itemIds = bank.published.filter((_, i) => i % 10 === 3);
		const assignment = encodeAssignmentLink(
			{
				id: '5f3a9c01d2e4b687',
				revision: 1,
				bankVersion: 2,
				teacherName: 'Mr Davit Harutyunyan',
				teacherKey: keys.publicKey,
				settings: {
					title: 'Nagorno-Karabakh 2023: week 3 check quiz',
					instructions: '',
					itemIds,
					mode: 'test',
					shuffle: true,
					dueDate: null,
					showAnswers: true,
					tries: 2
				}
			},
			bank
		);
		const result = await encryptResult(
			{
				assignmentId: '5f3a9c01d2e4b687',
				revision: 1,
				studentName: 'Ana Petrosyan',
				studentId: '9a8b7c6d5e4f3021',
				tryNumber: 1,
				startedAt: 1_780_000_000_000,
				finishedAt: 1_780_000_600_000,
				score: 0,
				answers: itemIds.map((itemId) => ({ itemId, response: null, grade: null, ms: 30_000 }))
			},
			keys.publicKey,
			bank,
			() => undefined
		);
		for (const [path, code] of [
			['/join', assignment],
			['/collect', result]
		]) {
			const url = `${HOST}${path}#${code}`;
			const { unmount } = render(QrCode, { text: url, label: 'QR' });
			const svg = screen.getByRole('img', { name: 'QR' });
			const read = scan(svg);
			expect(read?.data).toBe(url);
			expect(svg).toHaveAttribute('data-qr-version', String(read!.version));
			expect(svg).toHaveAttribute('data-qr-level', 'M');
			const [address, ...rest] = read!.chunks;
			expect(address).toMatchObject({ type: 'byte', text: `${HOST}${path}#` });
			expect(rest.map((c) => c.type)).toContain('alphanumeric');
			expect(rest.every((c) => c.type === 'alphanumeric' || c.type === 'numeric')).toBe(true);
			expect(rest.map((c) => ('text' in c ? c.text : '')).join('')).toBe(code);
			unmount();
		}
	});

	it('takes its size and, when asked, a caption in plain words; the version stays an attribute', () => {
		render(QrCode, { text: LINK, label: 'QR', size: 180, caption: true });
		const img = screen.getByRole('img', { name: 'QR' });
		expect(img).toHaveAttribute('height', '180');
		expect(img).toHaveAttribute('data-qr-version', String(scan(img)!.version));
		expect(img).toHaveAttribute('data-qr-level', 'M');
		expect(screen.getByText("Scan with the phone's camera.")).toBeInTheDocument();
		expect(screen.queryByText(/version|error correction/i)).toBeNull();
	});

	it('asks for the phone held close past version 10', () => {
		expect(qrCaption(10)).toBe("Scan with the phone's camera.");
		expect(qrCaption(11)).toBe("Scan with the phone's camera, held close: this code is dense.");
	});

	it('falls back to level L for text too long for M', () => {
		// 2,331 bytes is the most version 40 holds at level M; 2,953 at level L.
		const text = 'a'.repeat(2500);
		render(QrCode, { text, label: 'QR', caption: true });
		const img = screen.getByRole('img', { name: 'QR' });
		expect(img).toHaveAttribute('data-qr-level', 'L');
		const read = scan(img);
		expect(read?.data).toBe(text);
		// Past version 36 at L (2,431 bytes), and far past version 10: the caption says so.
		expect(img).toHaveAttribute('data-qr-version', String(read!.version));
		expect(read!.version).toBeGreaterThan(36);
		expect(screen.getByText(/held close/)).toBeInTheDocument();
	});

	it('says so in words, with no code, when the text fits no QR code', () => {
		const { container } = render(QrCode, { text: 'a'.repeat(3000), label: 'QR' });
		expect(screen.queryByRole('img')).toBeNull();
		expect(container.querySelector('svg')).toBeNull();
		expect(container).toHaveTextContent(
			'No QR code: this text is too long to fit in one (3000 characters). Share it as a link instead.'
		);
	});

	it('says so when the text cannot be encoded at all', () => {
		const { container } = render(QrCode, { text: 'broken \ud800 text', label: 'QR' });
		expect(container.querySelector('svg')).toBeNull();
		expect(container).toHaveTextContent(/cannot hold/);
	});
});
