/**
 * The SCORM package's player (built on its own by vite.player.config.ts into one script and
 * one stylesheet). It reads the package data `questions.js` set, validates it whole, finds
 * the LMS's SCORM 1.2 API and runs the quiz; with no API it is a practice quiz.
 */
import { mount } from 'svelte';
import '../app.css';
import { PACKAGE_GLOBAL } from '$lib/domain/scorm-package';
import { parseSetData } from '$lib/domain/scorm-session';
import Player from './Player.svelte';
import { findApi, Lms } from './scorm-api';
import { PlayerSession } from './session.svelte';

const target = document.getElementById('app')!;
const data = parseSetData((window as unknown as Record<string, unknown>)[PACKAGE_GLOBAL]);

if (!data) {
	const message = document.createElement('p');
	message.setAttribute('role', 'alert');
	message.textContent =
		'This quiz package is damaged or was made by a newer Factdeck: its questions cannot be read. Ask your teacher for a new package.';
	target.append(message);
} else {
	const api = findApi(window);
	const session = new PlayerSession(data, api ? new Lms(api) : null);
	target.replaceChildren();
	mount(Player, { target, props: { session } });
}
