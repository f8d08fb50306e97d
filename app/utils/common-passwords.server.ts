import { dictionary } from "@zxcvbn-ts/language-common";

let commonPasswords: Set<string> | undefined;

/**
 * True when the password (lower-cased) is in zxcvbn's list of ~49 000 common passwords.
 * The Set is built on first use and kept for the life of the process (server only: ~1 MB).
 */
export function isCommonPassword(lowerCasedPassword: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords.has(lowerCasedPassword);
}
