/** Reads until `done` holds (every 50 ms, 10 s at most): what a test waits for from a modem or a host. */
export async function until<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  what = 'the condition',
): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
