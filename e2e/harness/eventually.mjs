// Retries an assertion until it passes or the time is up (the Awaitility of these tests): video frames reach
// the output a few frames after a change, so a check polls instead of sleeping for a guessed time.
export async function eventually(check, { timeoutMs = 20_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
