/// <reference types="vite-plugin-pwa/client" />

/** The validated question bank, bundled at build time by scripts/vite-plugin-bank.ts. */
declare module 'virtual:factdeck-bank' {
	const bank: import('$lib/domain/bank').Bank;
	export default bank;
}
