// Web storage is not always there for an embedded page: a browser that blocks third-party storage (Chromium with
// third-party cookies blocked, Safari) throws "Access is denied" on the mere `window.sessionStorage` read inside
// a cross-site iframe, which took the whole agent console down in the widget's first browser test.

/** The page's sessionStorage, or an in-memory Storage for this page's life where the browser denies it. */
export function sessionStorageOrMemory(win: { readonly sessionStorage: Storage } = window): Storage {
  try {
    const storage = win.sessionStorage;
    // Some browsers hand out the object but refuse writes (quota 0): probe once.
    const probe = 'coview.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return memoryStorage();
  }
}

export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(String(key)) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(String(key)),
    setItem: (key, value) => void items.set(String(key), String(value)),
  };
}
