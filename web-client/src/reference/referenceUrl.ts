/**
 * A link the agent pushes, checked as annotation-service and the `reference.push` schema check it (http or https,
 * a host, no user info, at most 2048 characters), so the agent hears what is wrong before sending. The host is
 * what the customer's prompt shows largest: the part of a link that decides where it really goes.
 */
import { t } from '../i18n';
export const MAX_URL_LENGTH = 2048;

export type CheckedUrl = { ok: true; url: string; host: string } | { ok: false; problem: string };

export function checkReferenceUrl(input: string): CheckedUrl {
  let text = input.trim();
  if (!text) return { ok: false, problem: t('reference.empty') };
  // People paste "example.com/help": read it as https, the only sensible guess.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text}`;
  if (text.length > MAX_URL_LENGTH) return { ok: false, problem: t('reference.tooLong', { max: MAX_URL_LENGTH }) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: t('reference.invalid') };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: t('reference.scheme') };
  }
  if (!url.hostname) return { ok: false, problem: t('reference.noHost') };
  if (url.username || url.password) return { ok: false, problem: t('reference.credentials') };
  // The schema's pattern wants the scheme as typed; send the text as the agent gave it (normalised scheme only).
  return { ok: true, url: text, host: hostOf(url) };
}

/**
 * The host as the customer should read it: the URL API's form (lower case, internationalised names in punycode,
 * so a look-alike such as "exаmple.com" with a Cyrillic "а" shows as "xn--exmple-4nf.com"), with a port if any.
 */
export function hostOf(url: URL): string {
  return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}

/** The host of a link the customer received, or null when it is not a link they should open. */
export function receivedHost(url: string): string | null {
  const checked = checkReferenceUrl(url);
  return checked.ok && /^https?:\/\//i.test(url) ? checked.host : null;
}
