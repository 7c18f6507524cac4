// Every page is prerendered to a static HTML file: the app is static files on any host,
// and the service worker can precache each page.
export const prerender = true;
// Pages are rendered at build time (fast first paint) and hydrated; anything stored on the
// device (IndexedDB) is read in the browser after hydration.
export const ssr = true;
export const trailingSlash = 'never';
