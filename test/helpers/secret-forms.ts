/**
 * The shapes a secret can leak in: as typed, base64 and base64url (standalone and embedded at any byte
 * offset of a longer encoded blob), hex, and the secret minus its last 4 (what a bad mask would show).
 */
export function secretForms(secret: string | Buffer): string[] {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  const forms = new Set<string>();
  if (typeof secret === 'string') {
    forms.add(secret);
    forms.add(secret.slice(0, -4));
  }
  forms.add(bytes.toString('hex'));
  for (const shift of [0, 1, 2]) {
    // Embedded after `shift` bytes, the secret's own characters start at ceil(shift*4/3) and the last
    // partial group depends on what follows: drop both edges, keep the stable middle.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]);
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = encoded.toString(encoding).replace(/=+$/, '');
      forms.add(shift === 0 ? text : text.slice(Math.ceil((shift * 4) / 3) + 1, -4));
    }
  }
  return [...forms].filter((form) => form.length >= 12);
}

/** One place a secret showed up: which capture, which secret, which form, and the text around it. */
export interface SecretLeak {
  capture: string;
  secret: string;
  form: string;
  around: string;
}

/** Every leak of `secrets` (name → value) in `captures` (name → text or bytes). */
export function findSecretLeaks(
  captures: Record<string, string | Buffer>,
  secrets: Record<string, string | Buffer>,
): SecretLeak[] {
  const leaks: SecretLeak[] = [];
  for (const [capture, content] of Object.entries(captures)) {
    const haystack = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (const [secret, value] of Object.entries(secrets)) {
      for (const form of secretForms(value)) {
        const at = haystack.indexOf(form);
        if (at === -1) continue;
        const around = haystack.subarray(Math.max(0, at - 60), at + form.length + 60).toString('utf8');
        leaks.push({ capture, secret, form, around });
      }
    }
  }
  return leaks;
}
