/** Offers text as a file download (browser only). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke after the browser has started the download.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A title as a file name part: ASCII letters and digits joined by '-', or `fallback`. */
export function fileSlug(title: string, fallback = 'set'): string {
	return (
		title
			.normalize('NFD')
			.replace(/\p{M}+/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || fallback
	);
}
