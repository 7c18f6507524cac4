/**
 * Draws the app icons (two stacked cards on the brand blue) as PNG files in static/icons.
 * Run `npx tsx scripts/make-icons.ts` after changing the design; the PNGs are committed.
 * The maskable icon keeps its drawing inside the central 80% safe zone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGB = [number, number, number];
const BLUE: RGB = [0x1d, 0x4e, 0xd8];
const WHITE: RGB = [0xff, 0xff, 0xff];
const PALE: RGB = [0x9d, 0xb5, 0xf0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buf: Buffer): number {
	let c = 0xffffffff;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGB): Buffer {
	const raw = Buffer.alloc(size * (size * 3 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 3 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const [r, g, b] = pixel(x, y);
			const at = y * (size * 3 + 1) + 1 + x * 3;
			raw[at] = r;
			raw[at + 1] = g;
			raw[at + 2] = b;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** Inside a rounded rectangle given in units of the icon's size (0..1). */
function inRoundRect(u: number, v: number, x: number, y: number, w: number, h: number, r: number) {
	if (u < x || u > x + w || v < y || v > y + h) return false;
	const cx = Math.min(Math.max(u, x + r), x + w - r);
	const cy = Math.min(Math.max(v, y + r), y + h - r);
	return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}

/** The drawing, scaled into a box of `scale` around the centre. */
function cards(size: number, scale: number) {
	return (x: number, y: number): RGB => {
		const u = ((x + 0.5) / size - 0.5) / scale + 0.5;
		const v = ((y + 0.5) / size - 0.5) / scale + 0.5;
		if (inRoundRect(u, v, 0.3, 0.34, 0.56, 0.42, 0.06)) return WHITE;
		if (inRoundRect(u, v, 0.14, 0.22, 0.56, 0.42, 0.06)) return PALE;
		return BLUE;
	};
}

const dir = join(import.meta.dirname, '..', 'static', 'icons');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'icon-192.png'), png(192, cards(192, 1)));
writeFileSync(join(dir, 'icon-512.png'), png(512, cards(512, 1)));
writeFileSync(join(dir, 'icon-maskable-512.png'), png(512, cards(512, 0.7)));
console.log('Wrote static/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
