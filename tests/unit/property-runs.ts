/**
 * How many runs a fast-check property gets. `npm run test:unit` keeps them quick: a tenth of
 * the written strength, at least 100 (or all, when fewer are written), with the same fixed
 * seeds; enough for the tests that check which cases were reached. `npm run test:property`
 * (part of `npm test`) sets PROPERTY_RUNS=full and runs every property at full strength.
 */
export function runs(full: number): number {
	if (process.env.PROPERTY_RUNS === 'full') return full;
	return Math.min(full, Math.max(100, Math.ceil(full / 10)));
}
