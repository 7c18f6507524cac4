/// <reference types="vite-plugin-pwa/client" />

/** The validated question bank, bundled at build time by scripts/vite-plugin-bank.ts. */
declare module 'virtual:factdeck-bank' {
	const bank: import('$lib/domain/bank').Bank & {
		/** Every id ever published, in publication order (questions/published-ids.txt). */
		published: string[];
	};
	export default bank;
}

/** Counts and metadata of the bank, without its items (small enough for every page). */
declare module 'virtual:factdeck-bank-summary' {
	const summary: import('$lib/domain/bank-stats').BankSummary;
	export default summary;
}

/** Topics, and each item's filter fields (no text): for counting quiz matches. */
declare module 'virtual:factdeck-bank-filters' {
	const filters: {
		topics: import('$lib/domain/bank').Topic[];
		items: import('$lib/domain/quiz').FilterFields[];
	};
	export default filters;
}

/** What assignment links need of the bank: its version, published ids and retired ids. */
declare module 'virtual:factdeck-bank-index' {
	const index: {
		version: number;
		/** Every id ever published, in publication order (questions/published-ids.txt). */
		published: string[];
		/** The published ids no longer in the bank. */
		retired: string[];
	};
	export default index;
}

/** The ids a learner may hold a card for that no deck shows: retired and quiz-only items. */
declare module 'virtual:factdeck-bank-not-cards' {
	const ids: string[];
	export default ids;
}

/** The SCORM package's player, built by vite.player.config.ts (scripts/vite-plugin-scorm-player.ts). */
declare module 'virtual:factdeck-scorm-player' {
	export const js: string;
	export const css: string;
}
