import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** 128 random bits, fresh for every response: the only way an inline script may run. */
export function generateNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface CspOptions {
  nonce: string;
  /** Vite dev server: HMR web socket and the styles Vite injects as <style> elements. */
  dev: boolean;
}

export function buildContentSecurityPolicy({ nonce, dev }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets the nonced Remix module scripts import the route chunks;
    // browsers that honour it ignore host sources, so no 'self' fallback is needed.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'"],
    "script-src-attr": ["'none'"],
    // Production serves one stylesheet from /assets. In dev Vite injects CSS as <style> tags.
    "style-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": dev ? ["'self'", "ws:"] : ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export interface SecurityHeaderOptions extends CspOptions {
  /** The request reached us over HTTPS (directly or via a trusted proxy). */
  secure: boolean;
}

export function securityHeaders({ nonce, dev, secure }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy({ nonce, dev }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  // Sent over plain HTTP it would be ignored at best; over HTTPS it pins the browser to HTTPS.
  if (secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Sets the nonce on res.locals.cspNonce and the headers on every response. */
export function securityHeadersMiddleware(options: { dev: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = generateNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, dev: options.dev, secure: req.secure }));
    next();
  };
}
