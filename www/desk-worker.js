// The desk's Web Worker: the same module as the page, answering its requests
// (src/desk/worker.rs). A module worker, so the glue is imported, not copied.
import init, { deskWorker } from './pkg/desk.js';

init().then(deskWorker);
