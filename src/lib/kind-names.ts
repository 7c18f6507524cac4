// Kept only for src/routes/quiz/+page.svelte, which another change is reworking: the names
// live in domain/wording.ts; import them from there and delete this file.
export { KIND_NAMES } from '$lib/domain/wording';
