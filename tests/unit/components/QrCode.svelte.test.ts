import { render, screen } from '@testing-library/svelte';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import QrCode, { qrCaption } from '../../../src/lib/components/QrCode.svelte';

const LINK = 'https://factdeck.example/a#v1.abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGHIJKLMNOP';

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

/** uqr's own dark modules for the same text and level, moved in by the 4-module quiet zone. */
function expected(text: string, ecc: 'M' | 'L'): Set<string> {
	const qr = encode(text, { ecc, border: 0 });
	const modules = new Set<string>();
	qr.data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) modules.add(`${x + 4},${y + 4}`);
		})
	);
	return modules;
}

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
		const d = paths[0].getAttribute('d') ?? '';
		expect(d.length).toBeGreaterThan(0);
		expect(drawn(d)).toEqual(expected(LINK, 'M'));
		// The quiet zone: 4 light modules on every side.
		const side = encode(LINK, { ecc: 'M', border: 0 }).size + 8;
		expect(svg).toHaveAttribute('viewBox', `0 0 ${side} ${side}`);
		expect(container.querySelector('.caption')).toBeNull();
	});

	it('counts the same dark modules as uqr', () => {
		render(QrCode, { text: 'Factdeck', label: 'QR' });
		const d = screen.getByRole('img', { name: 'QR' }).querySelector('path')?.getAttribute('d');
		const count = encode('Factdeck', { ecc: 'M', border: 0 }).data.flat().filter(Boolean).length;
		expect(drawn(d ?? '').size).toBe(count);
	});

	it('takes its size and, when asked, a caption in plain words; the version stays an attribute', () => {
		render(QrCode, { text: LINK, label: 'QR', size: 180, caption: true });
		const img = screen.getByRole('img', { name: 'QR' });
		expect(img).toHaveAttribute('height', '180');
		const version = encode(LINK, { ecc: 'M', border: 0 }).version;
		expect(img).toHaveAttribute('data-qr-version', String(version));
		expect(img).toHaveAttribute('data-qr-level', 'M');
		expect(screen.getByText("Scan with the phone's camera.")).toBeInTheDocument();
		expect(screen.queryByText(/version|error correction/i)).toBeNull();
	});

	it('asks for the phone held close past version 10', () => {
		expect(qrCaption(10)).toBe("Scan with the phone's camera.");
		expect(qrCaption(11)).toBe("Scan with the phone's camera, held close: this code is dense.");
	});

	it('falls back to level L for text too long for M', () => {
		const text = 'a'.repeat(2500);
		expect(() => encode(text, { ecc: 'M', border: 0 })).toThrow(RangeError);
		render(QrCode, { text, label: 'QR', caption: true });
		const img = screen.getByRole('img', { name: 'QR' });
		const d = img.querySelector('path')?.getAttribute('d');
		expect(drawn(d ?? '')).toEqual(expected(text, 'L'));
		const version = encode(text, { ecc: 'L', border: 0 }).version;
		expect(img).toHaveAttribute('data-qr-version', String(version));
		expect(img).toHaveAttribute('data-qr-level', 'L');
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
