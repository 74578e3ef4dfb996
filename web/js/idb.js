// IndexedDB as promises: one database, one "outbox" store keyed by the
// report's Idempotency-Key. Blobs (photos) are stored as they are.
const DB = "doorstep";
const STORE = "outbox";
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, {keyPath: "key"});
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opening;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const outboxStore = {
  all: () => run("readonly", store => store.getAll()),
  get: key => run("readonly", store => store.get(key)),
  put: entry => run("readwrite", store => store.put(entry)),
  delete: key => run("readwrite", store => store.delete(key)),
};
