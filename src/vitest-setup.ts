// Component tests (jsdom): jest-dom matchers and cleanup after each test. Kept under src/ so
// the matchers' types are picked up.
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';
