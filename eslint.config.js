import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/floor/.svelte-kit/',
			'bench/floor/build/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types.
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// bench/floor is a bare SvelteKit app of its own (the Lighthouse floor), outside the
		// project's tsconfig, in plain JavaScript.
		files: ['bench/floor/**/*.svelte'],
		languageOptions: { parserOptions: { projectService: false } }
	},
	{
		// The domain layer stays pure TypeScript: no Svelte, SvelteKit, IndexedDB or DOM.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['svelte', 'svelte/*', '$app/*', 'idb', '$lib/storage/*', '$lib/state/*'] }
			],
			'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage']
		}
	},
	{
		// Pages and components reach storage only through src/lib/state, the one door.
		files: ['src/routes/**/*.{ts,svelte}', 'src/lib/components/**/*.{ts,svelte}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/storage', '$lib/storage/*'],
							message: 'Go through a module of $lib/state: it is the only door to storage.'
						}
					]
				}
			]
		}
	},
	{
		// Storage sits below state: it never imports it.
		files: ['src/lib/storage/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/state', '$lib/state/*'],
							message: 'Storage is below state: move the code up, or pass it in.'
						}
					]
				}
			]
		}
	}
);
