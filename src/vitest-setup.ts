// Component tests (jsdom): jest-dom matchers. Kept under src/ so their types are picked up.
import '@testing-library/jest-dom/vitest';
