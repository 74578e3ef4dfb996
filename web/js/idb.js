// IndexedDB as promises: one database, an "outbox" store keyed by the
// request's Idempotency-Key and a "kept" store of data saved for use without
// signal (a crew's jobs), keyed by name. Blobs (photos) are stored as they are.
const DB = "doorstep";
const STORES = ["outbox", "kept"];
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 2);
      request.onupgradeneeded = () => {
        for (const name of STORES) {
          if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, {keyPath: "key"});
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opening;
}

async function run(name, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const request = work(tx.objectStore(name));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function store(name) {
  return {
    all: () => run(name, "readonly", s => s.getAll()),
    get: key => run(name, "readonly", s => s.get(key)),
    put: entry => run(name, "readwrite", s => s.put(entry)),
    delete: key => run(name, "readwrite", s => s.delete(key)),
    clear: () => run(name, "readwrite", s => s.clear()),
  };
}

export const outboxStore = store("outbox");
export const keptStore = store("kept");
