// Downloads of the latest analysis: the text comes from the worker (the same
// Rust code as the CLI), saved through a Blob URL and an <a download>.

const TYPES = { csv: 'text/csv;charset=utf-8', json: 'application/json', svg: 'image/svg+xml' };

/** Saves `content` (text or a Blob) as a file called `filename`. */
export function save(filename, content) {
  const type = TYPES[filename.split('.').pop()] ?? 'text/plain';
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Wires every `button[data-download]` inside `box` to the worker's download of that name. */
export function wireDownloads(box, worker, onError) {
  box.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-download]');
    if (!button) return;
    const name = button.dataset.download;
    try {
      save(`segmenta-${name}`, await worker.download(name));
    } catch (error) {
      onError(error);
    }
  });
}
