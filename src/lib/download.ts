/** Offers text or bytes as a file download (browser only). */
export function download(
	fileName: string,
	data: string | Uint8Array,
	type = 'application/json'
): void {
	const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke after the browser has started the download.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
