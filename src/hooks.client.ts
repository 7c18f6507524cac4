import type { ClientInit } from '@sveltejs/kit';

export const init: ClientInit = () => new Promise((resolve) => setTimeout(resolve, 0));
