import { hash, verify } from "@node-rs/argon2";

/** argon2id, OWASP parameters (m = 19 MiB, t = 2, p = 1): ~20 ms a hash on the target machine. */
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** At most this many hashes at once, so a burst of sign-ins cannot exhaust CPU and memory. */
const MAX_CONCURRENT_HASHES = Number(process.env.ARGON2_MAX_CONCURRENCY ?? 4);
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, ARGON2_OPTIONS));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashSlot(() => verify(passwordHash, password).catch(() => false));
}
